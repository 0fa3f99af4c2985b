#include "store/instance_health_store.hpp"

#include <nlohmann/json.hpp>

namespace vmst::store {

namespace {

std::optional<int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

template <class T>
void bind_optional(SQLite::Statement& s, int index, const std::optional<T>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

std::vector<std::string> parse_days(const std::string& text) {
  std::vector<std::string> days;
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return days;
  for (const auto& day : json) {
    if (day.is_string()) days.push_back(day.get<std::string>());
  }
  return days;
}

const char* kHealthColumns =
    "domain, consecutive_failures, breaker_open_until, failure_days, unavailable_since, last_success_at, last_failure_at";

InstanceHealth read_health(SQLite::Statement& s) {
  InstanceHealth h;
  h.domain = s.getColumn(0).getString();
  h.consecutive_failures = s.getColumn(1).getInt();
  h.breaker_open_until = optional_int(s.getColumn(2));
  h.failure_days = parse_days(s.getColumn(3).getString());
  h.unavailable_since = optional_int(s.getColumn(4));
  h.last_success_at = optional_int(s.getColumn(5));
  h.last_failure_at = optional_int(s.getColumn(6));
  return h;
}

}  // namespace

std::optional<InstanceHealth> find_instance_health(Connection& c, const std::string& domain) {
  auto& s = c.prepare(std::string("SELECT ") + kHealthColumns + " FROM instances WHERE domain = ?");
  s.bind(1, domain);
  if (!s.executeStep()) return std::nullopt;
  return read_health(s);
}

void save_instance_health(Connection& c, const InstanceHealth& h, int64_t now) {
  auto& s = c.prepare(
      "INSERT INTO instances (domain, first_seen_at, consecutive_failures, breaker_open_until, failure_days,"
      " unavailable_since, last_success_at, last_failure_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
      " ON CONFLICT (domain) DO UPDATE SET consecutive_failures = ?3, breaker_open_until = ?4, failure_days = ?5,"
      " unavailable_since = ?6, last_success_at = ?7, last_failure_at = ?8");
  s.bind(1, h.domain);
  s.bind(2, now);
  s.bind(3, h.consecutive_failures);
  bind_optional(s, 4, h.breaker_open_until);
  s.bind(5, nlohmann::json(h.failure_days).dump());
  bind_optional(s, 6, h.unavailable_since);
  bind_optional(s, 7, h.last_success_at);
  bind_optional(s, 8, h.last_failure_at);
  s.exec();
}

void record_instance_success(Connection& c, const std::string& domain, int64_t now) {
  auto& s = c.prepare(
      "INSERT INTO instances (domain, first_seen_at, last_success_at) VALUES (?1, ?2, ?2)"
      " ON CONFLICT (domain) DO UPDATE SET last_success_at = ?2, consecutive_failures = 0, breaker_open_until = NULL,"
      " failure_days = '[]', unavailable_since = NULL");
  s.bind(1, domain);
  s.bind(2, now);
  s.exec();
}

bool clear_instance_failures(Connection& c, const std::string& domain) {
  // The WHERE keeps this free for the common case (an inbox POST from a healthy server): no row matches, nothing
  // is written.
  auto& s = c.prepare(
      "UPDATE instances SET consecutive_failures = 0, breaker_open_until = NULL, failure_days = '[]',"
      " unavailable_since = NULL WHERE domain = ? AND (consecutive_failures > 0 OR breaker_open_until IS NOT NULL"
      " OR unavailable_since IS NOT NULL OR failure_days <> '[]')");
  s.bind(1, domain);
  return s.exec() > 0;
}

std::vector<InstanceHealth> troubled_instances(Connection& c) {
  auto& s = c.prepare(std::string("SELECT ") + kHealthColumns +
                      " FROM instances WHERE consecutive_failures > 0 OR breaker_open_until IS NOT NULL"
                      " OR unavailable_since IS NOT NULL ORDER BY unavailable_since IS NULL, consecutive_failures DESC,"
                      " domain");
  std::vector<InstanceHealth> out;
  while (s.executeStep()) out.push_back(read_health(s));
  return out;
}

bool instance_unavailable(Connection& c, const std::string& domain) {
  auto& s = c.prepare("SELECT 1 FROM instances WHERE domain = ? AND unavailable_since IS NOT NULL");
  s.bind(1, domain);
  return s.executeStep();
}

}  // namespace vmst::store
