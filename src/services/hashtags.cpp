#include "services/hashtags.hpp"

#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "text/hashtag_name.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

constexpr int64_t kDayMillis = 86'400'000;
constexpr int kHistoryDays = 7;

struct Name {
  std::string normalized;
  std::string display;
};

Name parse_name(const std::string& raw) {
  const std::string written = raw.starts_with("#") ? raw.substr(1) : raw;
  // Only what posting would have made a tag (Mastodon answers 404 for the rest).
  if (!text::is_valid_hashtag_name(written)) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  return {text::normalize_hashtag_name(written), text::hashtag_display_name(written)};
}

std::vector<store::TagDayUse> history(store::Connection& c, int64_t tag_id, int64_t now) {
  const int64_t today = now / kDayMillis * kDayMillis;
  std::vector<store::TagDayUse> days;
  for (int i = 0; i < kHistoryDays; ++i) days.push_back({today - i * kDayMillis, 0, 0});
  if (tag_id == 0) return days;
  for (const auto& used : store::tag_use_by_day(c, tag_id, today - (kHistoryDays - 1) * kDayMillis)) {
    const int64_t index = (today - used.day_start_millis) / kDayMillis;
    if (index >= 0 && index < kHistoryDays) days[static_cast<size_t>(index)] = used;
  }
  return days;
}

HashtagView view(store::Connection& c, std::optional<int64_t> viewer, store::TagRecord tag, int64_t now) {
  HashtagView v;
  v.following = viewer && tag.id != 0 && store::follows_tag(c, *viewer, tag.id);
  v.history = history(c, tag.id, now);
  v.tag = std::move(tag);
  return v;
}

}  // namespace

HashtagView hashtag(store::Database& db, std::optional<int64_t> viewer, const std::string& name) {
  auto parsed = parse_name(name);
  return db.read([&](store::Connection& c) {
    auto tag = store::find_tag(c, parsed.normalized).value_or(store::TagRecord{0, parsed.normalized, parsed.display});
    return view(c, viewer, std::move(tag), now_millis());
  });
}

HashtagView follow_hashtag(store::Database& db, int64_t viewer, const std::string& name) {
  auto parsed = parse_name(name);
  const int64_t now = now_millis();
  return db.write([&](store::Connection& c) {
    auto tag = store::ensure_tag(c, store::next_id(), parsed.normalized, parsed.display, now);
    store::follow_tag(c, viewer, tag.id, now);
    return view(c, viewer, std::move(tag), now);
  });
}

HashtagView unfollow_hashtag(store::Database& db, int64_t viewer, const std::string& name) {
  auto parsed = parse_name(name);
  const int64_t now = now_millis();
  return db.write([&](store::Connection& c) {
    auto tag = store::find_tag(c, parsed.normalized).value_or(store::TagRecord{0, parsed.normalized, parsed.display});
    if (tag.id != 0) store::unfollow_tag(c, viewer, tag.id);
    return view(c, viewer, std::move(tag), now);
  });
}

std::vector<HashtagView> followed_hashtags(store::Database& db, int64_t viewer, const store::IdPage& page) {
  const int64_t now = now_millis();
  return db.read([&](store::Connection& c) {
    std::vector<HashtagView> out;
    for (auto& tag : store::followed_tags(c, viewer, page)) out.push_back(view(c, viewer, std::move(tag), now));
    return out;
  });
}

}  // namespace vmst::services
