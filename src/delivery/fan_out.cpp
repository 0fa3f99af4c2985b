#include "delivery/fan_out.hpp"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "net/url.hpp"

namespace vmst::delivery {

std::vector<std::string> collapse_recipients(const std::vector<Recipient>& recipients, bool personal_only) {
  struct HostRecipients {
    std::vector<const Recipient*> members;
    bool all_shared = true;
  };
  std::vector<std::string> host_order;
  std::unordered_map<std::string, HostRecipients> by_host;
  for (const auto& r : recipients) {
    auto personal = net::parse_url(r.inbox_url);
    auto shared = net::parse_url(r.shared_inbox_url);
    if (!personal && !shared) continue;
    const std::string host = personal ? personal->authority() : shared->authority();
    auto [it, inserted] = by_host.try_emplace(host);
    if (inserted) host_order.push_back(host);
    it->second.members.push_back(&r);
    if (personal_only || !shared) it->second.all_shared = false;
  }

  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const net::Url& url) {
    std::string text = url.to_string();
    if (seen.insert(text).second) out.push_back(std::move(text));
  };
  for (const auto& host : host_order) {
    const auto& group = by_host[host];
    for (const Recipient* r : group.members) {
      if (group.all_shared) {
        add(*net::parse_url(r->shared_inbox_url));
      } else if (auto personal = net::parse_url(r->inbox_url)) {
        add(*personal);
      }
    }
  }
  return out;
}

std::vector<PlannedDelivery> plan_deliveries(const std::vector<std::string>& inbox_urls,
                                             std::vector<std::string>* rejected) {
  std::vector<std::string> host_order;
  std::unordered_map<std::string, std::vector<std::string>> by_host;
  std::unordered_set<std::string> seen;
  for (const auto& text : inbox_urls) {
    auto url = net::parse_url(text);
    if (!url) {
      if (rejected) rejected->push_back(text);
      continue;
    }
    std::string canonical = url->to_string();
    if (!seen.insert(canonical).second) continue;
    auto [it, inserted] = by_host.try_emplace(url->authority());
    if (inserted) host_order.push_back(url->authority());
    it->second.push_back(std::move(canonical));
  }

  std::vector<PlannedDelivery> out;
  out.reserve(seen.size());
  // Hosts still holding inboxes for the next round; exhausted ones drop out, so the cost stays linear.
  std::vector<const std::string*> active;
  for (const auto& host : host_order) active.push_back(&host);
  for (size_t round = 0; !active.empty(); ++round) {
    size_t kept = 0;
    for (const std::string* host : active) {
      const auto& inboxes = by_host[*host];
      out.push_back({inboxes[round], *host});
      if (round + 1 < inboxes.size()) active[kept++] = host;
    }
    active.resize(kept);
  }
  return out;
}

}  // namespace vmst::delivery
