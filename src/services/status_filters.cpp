#include "services/status_filters.hpp"

#include <algorithm>
#include <unordered_map>

#include "store/media_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

namespace {

// FilterHits for each status of `statuses` (keyed by id; reblogged statuses must be among them).
template <class MediaOf>
std::unordered_map<int64_t, std::vector<convert::mastodon::FilterHit>> match_all(
    const FilterMatcher& matcher, const std::unordered_map<int64_t, store::StatusRecord>& statuses, MediaOf media_of) {
  std::unordered_map<int64_t, std::vector<convert::mastodon::FilterHit>> out;
  std::unordered_map<int64_t, std::string> texts;  // by the id of the status whose text it is
  for (const auto& [id, status] : statuses) {
    const int64_t proper_id = status.reblog_of_id.value_or(id);
    auto proper = statuses.find(proper_id);
    std::string_view text;
    if (matcher.has_keywords() && proper != statuses.end()) {
      auto it = texts.find(proper_id);
      if (it == texts.end()) it = texts.emplace(proper_id, searchable_text(proper->second, media_of(proper_id))).first;
      text = it->second;
    }
    auto hits = matcher.match(id, status.reblog_of_id, text);
    if (!hits.empty()) out.emplace(id, std::move(hits));
  }
  return out;
}

}  // namespace

std::vector<store::FilterRecord> active_filters(store::Connection& c, int64_t viewer, int64_t now) {
  return store::filters_of(c, viewer, now);
}

std::vector<store::FilterRecord> hiding_filters(const std::vector<store::FilterRecord>& filters, FilterContext context) {
  const std::string_view name = filter_context_name(context);
  std::vector<store::FilterRecord> out;
  for (const auto& f : filters) {
    if (f.action == "hide" && std::find(f.context.begin(), f.context.end(), name) != f.context.end()) out.push_back(f);
  }
  return out;
}

void apply_filters(convert::mastodon::StatusBundle& bundle, std::vector<store::FilterRecord> filters) {
  bundle.filters = std::move(filters);
  bundle.filter_hits.clear();
  if (bundle.filters.empty()) return;
  static const std::vector<store::MediaRecord> kNoMedia;
  FilterMatcher matcher(bundle.filters);
  bundle.filter_hits = match_all(matcher, bundle.statuses, [&](int64_t id) -> const std::vector<store::MediaRecord>& {
    auto it = bundle.media.find(id);
    return it == bundle.media.end() ? kNoMedia : it->second;
  });
}

std::unordered_set<int64_t> matched_by_filters(store::Connection& c, const std::vector<int64_t>& status_ids,
                                               const std::vector<store::FilterRecord>& filters) {
  std::unordered_set<int64_t> matched;
  if (filters.empty() || status_ids.empty()) return matched;

  std::unordered_map<int64_t, store::StatusRecord> statuses;
  std::vector<int64_t> reblogged;
  for (auto& s : store::find_statuses(c, status_ids)) {
    if (s.reblog_of_id) reblogged.push_back(*s.reblog_of_id);
    statuses.emplace(s.id, std::move(s));
  }
  for (auto& s : store::find_statuses(c, reblogged)) statuses.emplace(s.id, std::move(s));
  FilterMatcher matcher(filters);
  std::unordered_map<int64_t, std::vector<store::MediaRecord>> media;
  if (matcher.has_keywords()) {
    std::vector<int64_t> ids;
    for (const auto& [id, s] : statuses) ids.push_back(id);
    for (auto& m : store::media_of_statuses(c, ids)) media[*m.status_id].push_back(std::move(m));
  }
  static const std::vector<store::MediaRecord> kNoMedia;
  auto hits = match_all(matcher, statuses, [&](int64_t id) -> const std::vector<store::MediaRecord>& {
    auto it = media.find(id);
    return it == media.end() ? kNoMedia : it->second;
  });
  for (int64_t id : status_ids)
    if (hits.contains(id)) matched.insert(id);
  return matched;
}

}  // namespace vmst::services
