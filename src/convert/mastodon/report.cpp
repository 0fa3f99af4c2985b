#include "convert/mastodon/report.hpp"

#include "convert/mastodon/account.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

namespace {

nlohmann::json id_strings(const std::vector<int64_t>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) out.push_back(std::to_string(id));
  return out;
}

}  // namespace

nlohmann::json report_json(const store::ReportRecord& report, const store::AccountRecord& target,
                           const federation::LocalUrls& urls) {
  return {{"id", std::to_string(report.id)},
          {"action_taken", report.action_taken_at.has_value()},
          {"action_taken_at", report.action_taken_at ? nlohmann::json(format_iso8601_millis(*report.action_taken_at))
                                                     : nlohmann::json(nullptr)},
          {"category", report.category},
          {"comment", report.comment},
          {"forwarded", report.forwarded},
          {"created_at", format_iso8601_millis(report.created_at)},
          {"status_ids", id_strings(report.status_ids)},
          {"rule_ids", report.rule_ids.empty() ? nlohmann::json(nullptr) : id_strings(report.rule_ids)},
          {"target_account", account_json(target, urls)}};
}

}  // namespace vmst::convert::mastodon
