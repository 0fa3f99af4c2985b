#include "store/delivery_store.hpp"

#include <nlohmann/json.hpp>

namespace vmst::store {

namespace {

const char* state_name(JobUpdate::State state) {
  switch (state) {
    case JobUpdate::State::Done: return "done";
    case JobUpdate::State::Queued: return "queued";
    case JobUpdate::State::Dead: return "dead";
  }
  return "dead";
}

ClaimedJob read_claimed(SQLite::Statement& s) {
  ClaimedJob job;
  job.id = s.getColumn(0).getInt64();
  job.outbound_activity_id = s.getColumn(1).getInt64();
  job.inbox_url = s.getColumn(2).getString();
  job.host = s.getColumn(3).getString();
  job.attempts = s.getColumn(4).getInt();
  if (!s.getColumn(5).isNull()) job.fair_order = s.getColumn(5).getInt64();
  job.next_attempt_at = s.getColumn(6).getInt64();
  return job;
}

}  // namespace

void insert_outbound_activity(Connection& c, int64_t id, int64_t sender_account_id, const std::string& body,
                              int64_t now) {
  auto& s = c.prepare("INSERT INTO outbound_activities (id, sender_account_id, body, created_at) VALUES (?, ?, ?, ?)");
  s.bind(1, id);
  s.bind(2, sender_account_id);
  s.bind(3, body);
  s.bind(4, now);
  s.exec();
}

void insert_delivery_jobs(Connection& c, int64_t outbound_activity_id, const std::vector<NewDeliveryJob>& jobs,
                          int64_t now) {
  auto& s = c.prepare(
      "INSERT INTO delivery_jobs (id, outbound_activity_id, inbox_url, host, state, attempts, next_attempt_at,"
      " fair_order, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'queued', 0, ?5, ?6, ?5, ?5)");
  for (const auto& job : jobs) {
    s.bind(1, job.id);
    s.bind(2, outbound_activity_id);
    s.bind(3, job.inbox_url);
    s.bind(4, job.host);
    s.bind(5, now);
    s.bind(6, job.fair_order);
    s.exec();
    s.reset();
  }
}

int64_t fresh_lane_head(Connection& c) {
  auto& s = c.prepare("SELECT min(fair_order) FROM delivery_jobs WHERE state = 'queued' AND fair_order IS NOT NULL");
  if (s.executeStep() && !s.getColumn(0).isNull()) return s.getColumn(0).getInt64();
  return 0;
}

std::vector<ClaimedJob> claim_due_jobs(Connection& c, int64_t now, int limit,
                                       const std::vector<std::string>& skip_hosts) {
  std::vector<ClaimedJob> jobs;
  const std::string skip = nlohmann::json(skip_hosts).dump();
  // Both queries walk a partial index in its order (see schema/0002_delivery.sql) and stop at the limit.
  auto& timed = c.prepare(
      "SELECT id, outbound_activity_id, inbox_url, host, attempts, fair_order, next_attempt_at FROM delivery_jobs"
      " WHERE state = 'queued' AND fair_order IS NULL AND next_attempt_at <= ?1"
      " AND host NOT IN (SELECT value FROM json_each(?2)) ORDER BY next_attempt_at LIMIT ?3");
  timed.bind(1, now);
  timed.bind(2, skip);
  timed.bind(3, limit);
  while (timed.executeStep()) jobs.push_back(read_claimed(timed));
  timed.reset();

  if (static_cast<int>(jobs.size()) < limit) {
    auto& fresh = c.prepare(
        "SELECT id, outbound_activity_id, inbox_url, host, attempts, fair_order, next_attempt_at FROM delivery_jobs"
        " WHERE state = 'queued' AND fair_order IS NOT NULL AND host NOT IN (SELECT value FROM json_each(?1))"
        " ORDER BY fair_order, id LIMIT ?2");
    fresh.bind(1, skip);
    fresh.bind(2, limit - static_cast<int>(jobs.size()));
    while (fresh.executeStep()) jobs.push_back(read_claimed(fresh));
    fresh.reset();
  }

  auto& mark = c.prepare("UPDATE delivery_jobs SET state = 'in_flight', updated_at = ? WHERE id = ?");
  for (const auto& job : jobs) {
    mark.bind(1, now);
    mark.bind(2, job.id);
    mark.exec();
    mark.reset();
  }
  return jobs;
}

std::optional<int64_t> next_retry_due(Connection& c) {
  auto& s = c.prepare("SELECT min(next_attempt_at) FROM delivery_jobs WHERE state = 'queued' AND fair_order IS NULL");
  if (s.executeStep() && !s.getColumn(0).isNull()) return s.getColumn(0).getInt64();
  return std::nullopt;
}

std::optional<OutboundActivity> find_outbound_activity(Connection& c, int64_t id) {
  auto& s = c.prepare("SELECT id, sender_account_id, body FROM outbound_activities WHERE id = ?");
  s.bind(1, id);
  if (!s.executeStep()) return std::nullopt;
  OutboundActivity a;
  a.id = s.getColumn(0).getInt64();
  if (!s.getColumn(1).isNull()) a.sender_account_id = s.getColumn(1).getInt64();
  a.body = s.getColumn(2).getString();
  return a;
}

void apply_job_updates(Connection& c, const std::vector<JobUpdate>& updates, int64_t now) {
  auto& s = c.prepare(
      "UPDATE delivery_jobs SET state = ?1, attempts = ?2, next_attempt_at = coalesce(?3, next_attempt_at),"
      " fair_order = ?4, last_status = coalesce(?5, last_status), last_error = ?6, updated_at = ?7"
      " WHERE id = ?8 AND state = 'in_flight'");
  for (const auto& u : updates) {
    s.bind(1, state_name(u.state));
    s.bind(2, u.attempts);
    if (u.state == JobUpdate::State::Queued) {
      s.bind(3, u.next_attempt_at);
    } else {
      s.bind(3);
    }
    if (u.state == JobUpdate::State::Queued && u.fair_order) {
      s.bind(4, *u.fair_order);
    } else {
      s.bind(4);
    }
    if (u.last_status) {
      s.bind(5, *u.last_status);
    } else {
      s.bind(5);
    }
    if (u.last_error) {
      s.bind(6, *u.last_error);
    } else {
      s.bind(6);
    }
    s.bind(7, now);
    s.bind(8, u.job_id);
    s.exec();
    s.reset();
  }
}

int requeue_in_flight_jobs(Connection& c, int64_t now) {
  auto& s = c.prepare("UPDATE delivery_jobs SET state = 'queued', updated_at = ? WHERE state = 'in_flight'");
  s.bind(1, now);
  return s.exec();
}

int defer_host_jobs(Connection& c, const std::string& host, int64_t until, int64_t now) {
  auto& s = c.prepare(
      "UPDATE delivery_jobs SET fair_order = NULL, next_attempt_at = max(next_attempt_at, ?1), updated_at = ?2"
      " WHERE host = ?3 AND state = 'queued'");
  s.bind(1, until);
  s.bind(2, now);
  s.bind(3, host);
  return s.exec();
}

void add_counters(Connection& c, const std::map<std::string, int64_t>& increments) {
  auto& s = c.prepare(
      "INSERT INTO counters (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET value = value + ?2");
  for (const auto& [name, delta] : increments) {
    if (delta == 0) continue;
    s.bind(1, name);
    s.bind(2, delta);
    s.exec();
    s.reset();
  }
}

std::map<std::string, int64_t> counters_with_prefix(Connection& c, const std::string& prefix) {
  auto& s = c.prepare("SELECT name, value FROM counters WHERE substr(name, 1, length(?1)) = ?1 ORDER BY name");
  s.bind(1, prefix);
  std::map<std::string, int64_t> out;
  while (s.executeStep()) out[s.getColumn(0).getString()] = s.getColumn(1).getInt64();
  return out;
}

int mark_actors_gone_by_inbox(Connection& c, const std::string& inbox_url, int64_t now) {
  auto& s = c.prepare(
      "UPDATE accounts SET gone_at = ?1, updated_at = ?1 WHERE inbox_url = ?2 AND domain IS NOT NULL"
      " AND gone_at IS NULL");
  s.bind(1, now);
  s.bind(2, inbox_url);
  return s.exec();
}

int prune_finished_jobs(Connection& c, int64_t cutoff, int limit) {
  auto& jobs = c.prepare(
      "DELETE FROM delivery_jobs WHERE id IN (SELECT id FROM delivery_jobs WHERE state IN ('done', 'dead')"
      " AND updated_at < ?1 LIMIT ?2)");
  jobs.bind(1, cutoff);
  jobs.bind(2, limit);
  int deleted = jobs.exec();
  auto& activities = c.prepare(
      "DELETE FROM outbound_activities WHERE created_at < ?1 AND NOT EXISTS"
      " (SELECT 1 FROM delivery_jobs j WHERE j.outbound_activity_id = outbound_activities.id)");
  activities.bind(1, cutoff);
  activities.exec();
  return deleted;
}

DeliveryQueueStatus delivery_queue_status(Connection& c, int64_t now, int top_hosts) {
  DeliveryQueueStatus status;
  auto& states = c.prepare("SELECT state, count(*) FROM delivery_jobs GROUP BY state");
  while (states.executeStep()) {
    std::string state = states.getColumn(0).getString();
    int64_t n = states.getColumn(1).getInt64();
    if (state == "queued") status.queued = n;
    if (state == "in_flight") status.in_flight = n;
    if (state == "dead") status.dead = n;
    if (state == "done") status.done = n;
  }
  auto& due = c.prepare(
      "SELECT (SELECT count(*) FROM delivery_jobs WHERE state = 'queued' AND fair_order IS NOT NULL) +"
      " (SELECT count(*) FROM delivery_jobs WHERE state = 'queued' AND fair_order IS NULL AND next_attempt_at <= ?)");
  due.bind(1, now);
  if (due.executeStep()) status.due_now = due.getColumn(0).getInt64();
  auto& oldest = c.prepare("SELECT min(created_at) FROM delivery_jobs WHERE state IN ('queued', 'in_flight')");
  if (oldest.executeStep() && !oldest.getColumn(0).isNull()) status.oldest_waiting_created_at = oldest.getColumn(0).getInt64();
  auto& hosts = c.prepare(
      "SELECT host, count(*) AS n FROM delivery_jobs WHERE state = 'queued' GROUP BY host ORDER BY n DESC, host"
      " LIMIT ?");
  hosts.bind(1, top_hosts);
  while (hosts.executeStep()) status.busiest_hosts.push_back({hosts.getColumn(0).getString(), hosts.getColumn(1).getInt64()});
  return status;
}

int64_t queued_jobs_for_host(Connection& c, const std::string& host) {
  auto& s = c.prepare("SELECT count(*) FROM delivery_jobs WHERE host = ? AND state = 'queued'");
  s.bind(1, host);
  return s.executeStep() ? s.getColumn(0).getInt64() : 0;
}

int retry_host_jobs(Connection& c, const std::string& host, int64_t now) {
  auto& s = c.prepare(
      "UPDATE delivery_jobs SET next_attempt_at = ?1, updated_at = ?1 WHERE host = ?2 AND state = 'queued'"
      " AND fair_order IS NULL");
  s.bind(1, now);
  s.bind(2, host);
  return s.exec();
}

int purge_host_jobs(Connection& c, const std::string& host) {
  auto& s = c.prepare("DELETE FROM delivery_jobs WHERE host = ? AND state IN ('queued', 'dead')");
  s.bind(1, host);
  return s.exec();
}

}  // namespace vmst::store
