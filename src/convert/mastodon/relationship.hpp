#pragma once
// Relationship as the Mastodon client API shows it: every key present (Tusky's parser requires them), for one
// viewer and one other account. services/relationships computes the values.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vmst::convert::mastodon {

struct Relationship {
  int64_t account_id = 0;
  bool following = false;
  bool showing_reblogs = false;
  bool notifying = false;
  std::optional<std::vector<std::string>> languages;  // null when every language is wanted
  bool followed_by = false;
  bool blocking = false;
  bool blocked_by = false;
  bool muting = false;
  bool muting_notifications = false;
  bool requested = false;
  bool requested_by = false;
  bool domain_blocking = false;
  bool endorsed = false;
  std::string note;
};

nlohmann::json relationship_json(const Relationship& relationship);

}  // namespace vmst::convert::mastodon
