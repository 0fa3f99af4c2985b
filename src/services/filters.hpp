#pragma once
// Filters (v2) and their keyword and status rules: validation and ownership. Matching lives in
// services/filter_matching.hpp; applying them to what a reader sees in services/status_filters.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/filter_store.hpp"

namespace vmst::services {

// home, notifications, public, thread, account.
const std::vector<std::string>& filter_contexts();

// keywords_attributes[]: a new keyword (no id), a change to one of the filter's keywords, or its removal.
struct KeywordChange {
  std::optional<int64_t> id;
  std::optional<std::string> keyword;
  std::optional<bool> whole_word;
  bool destroy = false;
};

struct FilterChanges {
  std::optional<std::string> title;
  std::optional<std::vector<std::string>> context;
  std::optional<std::string> action;  // warn | hide | blur (blur_media is read as blur)
  // Set: the expiry changes; its value unset: the filter stops expiring.
  std::optional<std::optional<int64_t>> expires_in_seconds;
  std::vector<KeywordChange> keywords;
};

std::vector<store::FilterRecord> list_filters(store::Database& db, int64_t owner);
// ServiceError NotFound unless the owner's.
store::FilterRecord get_filter(store::Database& db, int64_t owner, int64_t filter_id);
// ServiceError Invalid with Mastodon's "Validation failed: ..." message for a blank title, no or unknown context,
// an unknown action, a negative expiry or a blank keyword; NotFound for a keyword id (on create, or on update one
// that is not the filter's).
store::FilterRecord create_filter(store::Database& db, int64_t owner, const FilterChanges& fields);
store::FilterRecord update_filter(store::Database& db, int64_t owner, int64_t filter_id, const FilterChanges& changes);
void delete_filter(store::Database& db, int64_t owner, int64_t filter_id);

std::vector<store::FilterKeywordRecord> filter_keywords(store::Database& db, int64_t owner, int64_t filter_id);
store::FilterKeywordRecord add_filter_keyword(store::Database& db, int64_t owner, int64_t filter_id,
                                              const std::optional<std::string>& keyword,
                                              std::optional<bool> whole_word);
store::FilterKeywordRecord get_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id);
store::FilterKeywordRecord update_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id,
                                                 const std::optional<std::string>& keyword,
                                                 std::optional<bool> whole_word);
void delete_filter_keyword(store::Database& db, int64_t owner, int64_t keyword_id);

std::vector<store::FilterStatusRecord> filter_statuses(store::Database& db, int64_t owner, int64_t filter_id);
// NotFound for a status the owner cannot see; Invalid when the filter has it already.
store::FilterStatusRecord add_filter_status(store::Database& db, int64_t owner, int64_t filter_id,
                                            std::optional<int64_t> status_id);
store::FilterStatusRecord get_filter_status(store::Database& db, int64_t owner, int64_t id);
void delete_filter_status(store::Database& db, int64_t owner, int64_t id);

}  // namespace vmst::services
