#include "services/incoming_reports.hpp"

#include <algorithm>

#include "convert/activitystreams/remote_actor.hpp"
#include "store/domain_block_store.hpp"
#include "store/ids.hpp"
#include "store/report_store.hpp"
#include "store/status_store.hpp"
#include "text/html_sanitizer.hpp"

namespace vmst::services {

namespace {

constexpr size_t kMaxComment = 5000;  // a remote comment is kept whole up to this, then cut

std::vector<std::string> object_ids(const nlohmann::json& flag) {
  std::vector<std::string> ids;
  const auto& object = flag.contains("object") ? flag["object"] : nlohmann::json();
  if (object.is_array()) {
    for (const auto& item : object) {
      if (auto id = convert::as::id_of(item)) ids.push_back(*id);
    }
  } else if (auto id = convert::as::id_of(object)) {
    ids.push_back(*id);
  }
  return ids;
}

}  // namespace

std::optional<int64_t> record_incoming_flag(store::Connection& c, const store::AccountRecord& reporter,
                                            const nlohmann::json& flag, int64_t now) {
  if (reporter.domain && store::rejects_reports_from(c, *reporter.domain)) return std::nullopt;
  std::optional<std::string> uri;
  if (flag.contains("id") && flag["id"].is_string()) uri = flag["id"].get<std::string>();
  if (uri && store::report_uri_taken(c, *uri)) return std::nullopt;

  std::optional<store::AccountRecord> target;
  std::vector<store::StatusRecord> statuses;
  for (const auto& id : object_ids(flag)) {
    if (auto account = store::find_account_by_uri(c, id)) {
      if (account->local() && account->actor_type != "Application" && !target) target = std::move(account);
    } else if (auto status = store::find_status_by_uri(c, id)) {
      if (status->local) statuses.push_back(std::move(*status));
    }
  }
  // A Flag naming only statuses reports their author.
  if (!target && !statuses.empty()) target = store::find_account(c, statuses.front().account_id);
  if (!target) return std::nullopt;

  store::ReportRecord report;
  report.id = store::next_id();
  report.account_id = reporter.id;
  report.target_account_id = target->id;
  report.category = "other";
  std::string comment = flag.contains("content") && flag["content"].is_string()
                            ? text::html_to_plain_text(flag["content"].get<std::string>())
                            : std::string();
  if (comment.size() > kMaxComment) {
    size_t end = kMaxComment;
    while (end > 0 && (static_cast<unsigned char>(comment[end]) & 0xC0) == 0x80) --end;  // not inside a character
    comment.resize(end);
  }
  report.comment = std::move(comment);
  for (const auto& s : statuses) {
    if (s.account_id == target->id) report.status_ids.push_back(s.id);
  }
  std::sort(report.status_ids.begin(), report.status_ids.end());
  report.status_ids.erase(std::unique(report.status_ids.begin(), report.status_ids.end()), report.status_ids.end());
  report.uri = uri;
  report.created_at = now;
  store::insert_report(c, report);
  return report.id;
}

}  // namespace vmst::services
