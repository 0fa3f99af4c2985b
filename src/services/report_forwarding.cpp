#include "services/report_forwarding.hpp"

#include "convert/activitystreams/flag.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

std::optional<std::string> report_inbox(const store::AccountRecord& target) {
  if (target.local()) return std::nullopt;
  const std::string& inbox = target.shared_inbox_url.empty() ? target.inbox_url : target.shared_inbox_url;
  if (inbox.empty()) return std::nullopt;
  return inbox;
}

std::string enqueue_report_flag(store::Connection& c, const federation::LocalUrls& urls,
                                const federation::EnqueueDelivery& enqueue, const store::AccountRecord& instance_actor,
                                const store::ReportRecord& report, const std::string& inbox, int64_t now) {
  const std::string id = report.uri.value_or(urls.base() + "/reports/" + std::to_string(report.id));
  auto target = store::find_account(c, report.target_account_id);
  std::vector<std::string> objects = {target ? target->uri : std::string()};
  for (int64_t status_id : report.status_ids) {
    if (auto s = store::find_status(c, status_id)) objects.push_back(s->uri);
  }
  enqueue(c, instance_actor.id, convert::as::flag(id, instance_actor.uri, objects, report.comment).dump(), {inbox}, now);
  return id;
}

}  // namespace vmst::services
