#pragma once
// SQL for reports: a user's complaint about an account and some of its statuses, for the moderators.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct ReportRecord {
  int64_t id = 0;
  int64_t account_id = 0;         // who reported
  int64_t target_account_id = 0;  // who is reported
  std::string category = "other";  // spam | legal | violation | other
  std::string comment;
  std::vector<int64_t> rule_ids;
  std::vector<int64_t> status_ids;
  bool forwarded = false;
  std::optional<std::string> uri;  // the Flag activity's id, when it was sent or received
  std::optional<int64_t> action_taken_at;
  int64_t created_at = 0;
};

void insert_report(Connection& c, const ReportRecord& report);  // with its status_ids

// Reports with their status_ids, newest first: only the open ones (no action taken) unless include_resolved.
std::vector<ReportRecord> list_reports(Connection& c, bool include_resolved);
std::optional<ReportRecord> find_report(Connection& c, int64_t id);
bool report_uri_taken(Connection& c, const std::string& uri);
// Marks the report handled; `by` unset when it was resolved from the CLI.
void resolve_report(Connection& c, int64_t id, std::optional<int64_t> by, int64_t now);
void mark_report_forwarded(Connection& c, int64_t id, const std::string& uri, int64_t now);

// Of `ids`, those that are statuses by `account_id` (deleted ones included: a report may be about what was removed).
std::vector<int64_t> statuses_by(Connection& c, int64_t account_id, const std::vector<int64_t>& ids);
// Of `ids`, those that are instance rules.
std::vector<int64_t> existing_rule_ids(Connection& c, const std::vector<int64_t>& ids);

}  // namespace vmst::store
