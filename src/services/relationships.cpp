#include "services/relationships.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "services/service_error.hpp"

namespace vmst::services {

namespace {

std::optional<std::vector<std::string>> languages_of(const std::optional<std::string>& json) {
  if (!json) return std::nullopt;
  auto parsed = nlohmann::json::parse(*json, nullptr, false);
  if (!parsed.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : parsed)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

}  // namespace

convert::mastodon::Relationship relationship_from_rows(const store::RelationshipRows& rows,
                                                       const store::AccountRecord& target, int64_t now) {
  convert::mastodon::Relationship r;
  const int64_t id = target.id;
  r.account_id = id;
  const store::FollowOptionsRow* options = nullptr;
  if (auto it = rows.following.find(id); it != rows.following.end()) {
    r.following = true;
    options = &it->second;
  }
  if (auto it = rows.requested.find(id); it != rows.requested.end()) {
    r.requested = true;
    if (!options) options = &it->second;
  }
  if (options) {
    r.showing_reblogs = options->show_reblogs;
    r.notifying = options->notify;
    r.languages = languages_of(options->languages_json);
  }
  r.followed_by = rows.followed_by.count(id) > 0;
  r.requested_by = rows.requested_by.count(id) > 0;
  r.blocking = rows.blocking.count(id) > 0;
  r.blocked_by = rows.blocked_by.count(id) > 0;
  r.endorsed = rows.endorsed.count(id) > 0;
  if (auto it = rows.muting.find(id); it != rows.muting.end()) {
    const bool live = !it->second.expires_at || *it->second.expires_at > now;
    r.muting = live;
    r.muting_notifications = live && it->second.hide_notifications;
  }
  if (target.domain) r.domain_blocking = rows.blocked_domains.count(lower(*target.domain)) > 0;
  if (auto it = rows.notes.find(id); it != rows.notes.end()) r.note = it->second;
  return r;
}

std::vector<convert::mastodon::Relationship> relationships(store::Connection& c, int64_t viewer,
                                                           const std::vector<int64_t>& ids, int64_t now) {
  std::vector<int64_t> wanted;
  std::unordered_set<int64_t> seen;
  for (int64_t id : ids)
    if (seen.insert(id).second) wanted.push_back(id);
  std::unordered_map<int64_t, store::AccountRecord> accounts;
  for (auto& account : store::find_accounts(c, wanted)) accounts.emplace(account.id, std::move(account));
  const auto rows = store::relationship_rows(c, viewer, wanted);
  std::vector<convert::mastodon::Relationship> out;
  for (int64_t id : wanted) {
    auto it = accounts.find(id);
    if (it != accounts.end()) out.push_back(relationship_from_rows(rows, it->second, now));
  }
  return out;
}

convert::mastodon::Relationship relationship(store::Connection& c, int64_t viewer, int64_t target_id, int64_t now) {
  auto found = relationships(c, viewer, {target_id}, now);
  if (found.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  return found.front();
}

}  // namespace vmst::services
