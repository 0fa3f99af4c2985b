#pragma once
// SQL for filters (v2): a filter row with its keywords and its statuses.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct FilterKeywordRecord {
  int64_t id = 0;
  int64_t filter_id = 0;
  std::string keyword;
  bool whole_word = true;
};

struct FilterStatusRecord {
  int64_t id = 0;
  int64_t filter_id = 0;
  int64_t status_id = 0;
};

struct FilterRecord {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string title;
  std::vector<std::string> context;  // home | notifications | public | thread | account
  std::string action = "warn";       // warn | hide | blur
  std::optional<int64_t> expires_at;
  int64_t created_at = 0;
  std::vector<FilterKeywordRecord> keywords;  // oldest first
  std::vector<FilterStatusRecord> statuses;   // oldest first
};

// The account's filters with their keywords and statuses, oldest first. `live_at` leaves out filters expired by then.
std::vector<FilterRecord> filters_of(Connection& c, int64_t account_id, std::optional<int64_t> live_at = std::nullopt);
std::optional<FilterRecord> find_filter(Connection& c, int64_t account_id, int64_t filter_id);

// The filter row alone; keywords and statuses have their own calls.
void insert_filter(Connection& c, const FilterRecord& filter);
void update_filter(Connection& c, const FilterRecord& filter);
void delete_filter(Connection& c, int64_t filter_id);

void insert_filter_keyword(Connection& c, const FilterKeywordRecord& keyword);
void update_filter_keyword(Connection& c, const FilterKeywordRecord& keyword);
void delete_filter_keyword(Connection& c, int64_t keyword_id);
// The keyword when its filter belongs to account_id.
std::optional<FilterKeywordRecord> find_filter_keyword(Connection& c, int64_t account_id, int64_t keyword_id);

void insert_filter_status(Connection& c, const FilterStatusRecord& status);
void delete_filter_status(Connection& c, int64_t id);
std::optional<FilterStatusRecord> find_filter_status(Connection& c, int64_t account_id, int64_t id);

}  // namespace vmst::store
