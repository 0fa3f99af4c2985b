#pragma once
// Reporting an account (and some of its statuses) to the moderators: POST /api/v1/reports. A report about a remote
// account can be forwarded to its server as a Flag from our instance actor, so the reporter stays anonymous there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/status_posting.hpp"
#include "store/account_store.hpp"
#include "store/report_store.hpp"

namespace vmst::services {

struct NewReport {
  int64_t target_account_id = 0;
  std::vector<int64_t> status_ids;
  std::string comment;
  std::optional<std::string> category;  // spam, legal, violation, other; unset: violation with rule_ids, else other
  std::vector<int64_t> rule_ids;
  bool forward = false;
};

struct FiledReport {
  store::ReportRecord report;
  store::AccountRecord target;
};

// ServiceError NotFound for an unknown account or a status that is not the account's; Invalid (422) for a comment
// over 1,000 characters, an unknown category or rule.
FiledReport file_report(PostingContext& ctx, int64_t reporter_account_id, const NewReport& request);

}  // namespace vmst::services
