#include "services/notification_grouping.hpp"

#include <charconv>

namespace vmst::services {

namespace {

constexpr int64_t kHourMs = 3'600'000;
constexpr int64_t kMaximumGroupSpanHours = 12;

// The hour bucket at the end of a key ("favourite-12-480000" -> 480000).
std::optional<int64_t> bucket_of(const std::string& key) {
  const auto dash = key.rfind('-');
  if (dash == std::string::npos) return std::nullopt;
  int64_t bucket = 0;
  const char* begin = key.data() + dash + 1;
  const char* end = key.data() + key.size();
  auto [stop, ec] = std::from_chars(begin, end, bucket);
  if (ec != std::errc() || stop != end || begin == end) return std::nullopt;
  return bucket;
}

}  // namespace

const std::vector<std::string>& groupable_notification_types() {
  static const std::vector<std::string> kTypes = {"favourite", "reblog", "follow"};
  return kTypes;
}

std::optional<std::string> notification_group_prefix(const std::string& type, std::optional<int64_t> status_id) {
  if (type == "follow") return type;
  if ((type == "favourite" || type == "reblog") && status_id) return type + "-" + std::to_string(*status_id);
  return std::nullopt;
}

std::string notification_group_key(const std::string& prefix, int64_t created_at,
                                   const std::optional<std::string>& previous_key) {
  int64_t bucket = created_at / kHourMs;
  if (previous_key) {
    // Mastodon reuses the previous group's bucket while the new one is within the span of its start.
    if (auto previous = bucket_of(*previous_key); previous && bucket < *previous + kMaximumGroupSpanHours) {
      bucket = *previous;
    }
  }
  return prefix + "-" + std::to_string(bucket);
}

void add_notification(store::Connection& c, store::NotificationRow row) {
  if (auto prefix = notification_group_prefix(row.type, row.status_id)) {
    row.group_key = notification_group_key(*prefix, row.created_at,
                                           store::latest_group_key(c, row.account_id, *prefix + "-"));
  }
  store::insert_notification(c, row);
}

}  // namespace vmst::services
