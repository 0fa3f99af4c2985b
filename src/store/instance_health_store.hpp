#pragma once
// SQL for the delivery health of remote servers (the instances table: circuit breaker, failure days,
// unavailability) and for the domain checks fan-out makes (suspended by a domain block, marked unavailable).
//
// "domain" here is what delivery_jobs.host holds: the inbox URL's host, with ":port" when the URL names one, so two
// test servers on one address are two instances.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct InstanceHealth {
  std::string domain;
  int consecutive_failures = 0;
  std::optional<int64_t> breaker_open_until;
  std::vector<std::string> failure_days;  // distinct UTC days ("2026-11-26") with failures since the last success
  std::optional<int64_t> unavailable_since;
  std::optional<int64_t> last_success_at;
  std::optional<int64_t> last_failure_at;

  bool troubled() const { return consecutive_failures > 0 || breaker_open_until || unavailable_since; }
};

std::optional<InstanceHealth> find_instance_health(Connection& c, const std::string& domain);

// Inserts the instance (first seen now) or updates its health columns.
void save_instance_health(Connection& c, const InstanceHealth& health, int64_t now);

// Records a success without reading: the row is created when missing, last_success_at set and any failure state
// cleared. Cheap enough to run for healthy hosts.
void record_instance_success(Connection& c, const std::string& domain, int64_t now);

// Clears failures, breaker and unavailability; a no-op (and no write) when the instance has none or is unknown.
// Returns whether anything changed.
bool clear_instance_failures(Connection& c, const std::string& domain);

// Instances with failures, an open breaker or the unavailable mark, worst first.
std::vector<InstanceHealth> troubled_instances(Connection& c);

bool instance_unavailable(Connection& c, const std::string& domain);

}  // namespace vmst::store
