#pragma once
// Claimed jobs waiting for a worker, in the order the database gave them (fair across activities), and the
// requests running per host. take() hands out the first job whose host has a free slot, so a host at its limit
// (or slow) never holds up jobs for other hosts behind it.
//
// Jobs found behind a full host are parked aside per host, so later scans do not walk past them again (hundreds
// of jobs for hanging hosts would otherwise be re-examined by every take). They return to the front, in order,
// when one of that host's requests finishes, or on unpark_all() when host limits may have changed.
//
// Not thread-safe: the engine guards it with its mutex.
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "delivery/delivery_signer.hpp"
#include "store/delivery_store.hpp"

namespace vmst::delivery {

struct QueuedJob {
  store::ClaimedJob job;
  std::shared_ptr<const ActivityPayload> payload;  // null: the activity is gone
  std::shared_ptr<const SenderKey> key;            // null: the sender cannot sign
};

// What may happen to a host's next job now.
struct HostGate {
  enum class Kind { Send, Defer, Drop };
  Kind kind = Kind::Send;
  int limit = 1;               // Send: requests allowed at once
  int64_t defer_until = 0;     // Defer: the breaker's end
};

struct TakenJob {
  QueuedJob queued;
  HostGate gate;  // Send: counted as running until finished(); Defer/Drop: handled without a request
};

class DispatchQueue {
 public:
  void add(QueuedJob job);
  std::optional<TakenJob> take(const std::function<HostGate(const std::string& host)>& gate_for);
  void finished(const std::string& host);  // a Send taken earlier is over
  void unpark_all();

  size_t waiting() const { return waiting_.size() + parked_count_; }
  int running(const std::string& host) const;
  int running_total() const { return running_total_; }
  // Hosts with at least `threshold` jobs waiting here: the next claim leaves theirs in the database.
  std::vector<std::string> crowded_hosts(size_t threshold) const;
  // Removes and returns every waiting job (stop).
  std::vector<QueuedJob> drain();

 private:
  void unpark(const std::string& host);

  std::list<QueuedJob> waiting_;
  std::unordered_map<std::string, std::list<QueuedJob>> parked_;  // per full host, in claim order
  size_t parked_count_ = 0;
  std::unordered_map<std::string, int> running_;
  std::unordered_map<std::string, size_t> waiting_per_host_;
  int running_total_ = 0;
};

}  // namespace vmst::delivery
