#include "delivery/enqueue.hpp"

#include <unordered_map>

#include "delivery/fan_out.hpp"
#include "store/delivery_store.hpp"
#include "store/domain_block_store.hpp"
#include "store/ids.hpp"
#include "store/instance_health_store.hpp"

namespace vmst::delivery {

EnqueueResult enqueue_deliveries(store::Connection& c, int64_t sender_account_id, const std::string& activity_json,
                                 const std::vector<std::string>& inbox_urls, int64_t now_millis) {
  EnqueueResult result;
  std::vector<std::string> rejected;
  auto planned = plan_deliveries(inbox_urls, &rejected);
  result.skipped_invalid = static_cast<int>(rejected.size());

  // One suspension and availability check per host, not per inbox.
  enum class HostVerdict { Deliver, Suspended, Unavailable };
  std::unordered_map<std::string, HostVerdict> verdicts;
  std::vector<store::NewDeliveryJob> jobs;
  jobs.reserve(planned.size());
  int64_t order = store::fresh_lane_head(c);
  for (auto& p : planned) {
    auto [it, inserted] = verdicts.try_emplace(p.host, HostVerdict::Deliver);
    if (inserted) {
      if (store::refuses_federation_with(c, p.host)) {
        it->second = HostVerdict::Suspended;
      } else if (store::instance_unavailable(c, p.host)) {
        it->second = HostVerdict::Unavailable;
      }
    }
    if (it->second == HostVerdict::Suspended) {
      ++result.skipped_suspended;
    } else if (it->second == HostVerdict::Unavailable) {
      ++result.skipped_unavailable;
    } else {
      jobs.push_back({store::next_id(), std::move(p.inbox_url), std::move(p.host), order++});
    }
  }
  if (jobs.empty()) return result;

  result.outbound_activity_id = store::next_id();
  store::insert_outbound_activity(c, result.outbound_activity_id, sender_account_id, activity_json, now_millis);
  store::insert_delivery_jobs(c, result.outbound_activity_id, jobs, now_millis);
  result.jobs = static_cast<int>(jobs.size());
  return result;
}

void enqueue(store::Connection& c, int64_t sender_account_id, const std::string& activity_json,
             const std::vector<std::string>& inbox_urls, int64_t now_millis) {
  enqueue_deliveries(c, sender_account_id, activity_json, inbox_urls, now_millis);
}

void record_inbound_success(store::Connection& c, const std::string& domain) {
  store::clear_instance_failures(c, domain);
}

}  // namespace vmst::delivery
