#include "delivery/dispatch_queue.hpp"

namespace vmst::delivery {

void DispatchQueue::add(QueuedJob job) {
  ++waiting_per_host_[job.job.host];
  waiting_.push_back(std::move(job));
}

std::optional<TakenJob> DispatchQueue::take(const std::function<HostGate(const std::string& host)>& gate_for) {
  for (auto it = waiting_.begin(); it != waiting_.end();) {
    const std::string& host = it->job.host;
    HostGate gate = gate_for(host);
    if (gate.kind == HostGate::Kind::Send) {
      auto r = running_.find(host);
      if (r != running_.end() && r->second >= gate.limit) {
        // Full: park it. A host is only full while a request of its own runs, whose end unparks it.
        auto next = std::next(it);
        auto& parked = parked_[host];
        parked.splice(parked.end(), waiting_, it);
        ++parked_count_;
        it = next;
        continue;
      }
      ++running_[host];
      ++running_total_;
    }
    std::string taken_host = host;  // `host` refers into the job about to be moved out
    TakenJob taken{std::move(*it), gate};
    if (--waiting_per_host_[taken_host] == 0) waiting_per_host_.erase(taken_host);
    waiting_.erase(it);
    return taken;
  }
  return std::nullopt;
}

void DispatchQueue::unpark(const std::string& host) {
  auto p = parked_.find(host);
  if (p == parked_.end()) return;
  parked_count_ -= p->second.size();
  waiting_.splice(waiting_.begin(), p->second);  // they were claimed before anything still waiting
  parked_.erase(p);
}

void DispatchQueue::unpark_all() {
  while (!parked_.empty()) unpark(parked_.begin()->first);
}

void DispatchQueue::finished(const std::string& host) {
  unpark(host);
  auto r = running_.find(host);
  if (r == running_.end()) return;
  --running_total_;
  if (--r->second <= 0) running_.erase(r);
}

int DispatchQueue::running(const std::string& host) const {
  auto r = running_.find(host);
  return r == running_.end() ? 0 : r->second;
}

std::vector<std::string> DispatchQueue::crowded_hosts(size_t threshold) const {
  std::vector<std::string> hosts;
  for (const auto& [host, n] : waiting_per_host_) {
    if (n >= threshold) hosts.push_back(host);
  }
  return hosts;
}

std::vector<QueuedJob> DispatchQueue::drain() {
  unpark_all();
  std::vector<QueuedJob> out;
  out.reserve(waiting_.size());
  for (auto& job : waiting_) out.push_back(std::move(job));
  waiting_.clear();
  waiting_per_host_.clear();
  return out;
}

}  // namespace vmst::delivery
