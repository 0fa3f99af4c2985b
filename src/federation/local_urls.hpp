#pragma once
// The ids and URLs this instance mints for its own objects. Every other layer asks here, so the URL scheme is
// defined once (and matches Mastodon's, which remote servers and people already recognise).
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
  std::string key_id(std::string_view username) const { return actor(username) + "#main-key"; }
  std::string shared_inbox() const { return base_ + "/inbox"; }

 private:
  std::string base_;
};

}  // namespace vmst::federation
