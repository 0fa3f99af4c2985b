#pragma once
// The ids and URLs this instance mints for its own objects. Every other layer asks here, so the URL scheme is
// defined once (and matches Mastodon's, which remote servers and people already recognise).
#include <cstdint>
#include <string>
#include <string_view>

namespace vmst::federation {

class LocalUrls {
 public:
  explicit LocalUrls(std::string base_url) : base_(std::move(base_url)) {}

  const std::string& base() const { return base_; }
  std::string actor(std::string_view username) const { return base_ + "/users/" + std::string(username); }
  std::string profile_page(std::string_view username) const { return base_ + "/@" + std::string(username); }
  std::string inbox(std::string_view username) const { return actor(username) + "/inbox"; }
  std::string outbox(std::string_view username) const { return actor(username) + "/outbox"; }
  std::string followers(std::string_view username) const { return actor(username) + "/followers"; }
  std::string following(std::string_view username) const { return actor(username) + "/following"; }
  std::string featured(std::string_view username) const { return actor(username) + "/collections/featured"; }
  std::string featured_tags(std::string_view username) const { return actor(username) + "/collections/tags"; }
  std::string key_id(std::string_view username) const { return actor(username) + "#main-key"; }
  std::string shared_inbox() const { return base_ + "/inbox"; }

  // The instance actor (an Application that signs requests belonging to no user), at Mastodon's paths.
  std::string instance_actor() const { return base_ + "/actor"; }
  std::string instance_actor_inbox() const { return base_ + "/actor/inbox"; }
  std::string instance_actor_outbox() const { return base_ + "/actor/outbox"; }
  std::string instance_actor_key_id() const { return base_ + "/actor#main-key"; }
  std::string instance_actor_page() const { return base_ + "/about/more?instance_actor=true"; }

  std::string status(std::string_view username, int64_t id) const {
    return actor(username) + "/statuses/" + std::to_string(id);
  }
  std::string status_page(std::string_view username, int64_t id) const {
    return profile_page(username) + "/" + std::to_string(id);
  }
  std::string tag_page(std::string_view name) const { return base_ + "/tags/" + std::string(name); }

  // Uploaded files, by their path under the data folder's media/ directory.
  std::string media_file(std::string_view relative_path) const {
    return base_ + "/system/media/" + std::string(relative_path);
  }
  // Served when an account has no avatar or header: clients need a URL, never null (Tusky #1559).
  std::string default_avatar() const { return base_ + "/avatars/original/missing.png"; }
  std::string default_header() const { return base_ + "/headers/original/missing.png"; }

 private:
  std::string base_;
};

}  // namespace vmst::federation
