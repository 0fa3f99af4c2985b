#include "store/commit_event_relay.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "time/timestamps.hpp"

namespace vmst::store {

namespace {

// The kinds by stable names, so that a row written by one vmst version reads the same in the next.
constexpr std::pair<CommitEvent::Kind, const char*> kKindNames[] = {
    {CommitEvent::Kind::HomeFeedAdded, "home_feed_added"},
    {CommitEvent::Kind::NotificationCreated, "notification_created"},
    {CommitEvent::Kind::StatusCreated, "status_created"},
    {CommitEvent::Kind::StatusUpdated, "status_updated"},
    {CommitEvent::Kind::StatusDeleted, "status_deleted"},
    {CommitEvent::Kind::FiltersChanged, "filters_changed"},
    {CommitEvent::Kind::ConversationUpdated, "conversation_updated"},
};

const char* kind_name(CommitEvent::Kind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "";
}

std::optional<CommitEvent::Kind> kind_named(const std::string& name) {
  for (const auto& [k, n] : kKindNames)
    if (name == n) return k;
  return std::nullopt;
}

std::optional<CommitEvent> parse_event(const std::string& payload) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (!j.is_object() || !j["kind"].is_string()) return std::nullopt;
  auto kind = kind_named(j["kind"].get<std::string>());
  if (!kind) return std::nullopt;
  try {
    CommitEvent e{*kind, j.value("status_id", int64_t{0}), j.value("notification_id", int64_t{0}),
                  j.value("account_ids", std::vector<int64_t>{}), j.value("tags", std::vector<std::string>{})};
    return e;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

void relay_commits(Database& db) {
  // The relaying write records no events of its own, so it does not call the listener again.
  db.set_commit_listener([&db](std::vector<CommitEvent> events) {
    db.write([&](Connection& c) { relay_commit_events(c, events, now_millis()); });
  });
}

void relay_commit_events(Connection& c, const std::vector<CommitEvent>& events, int64_t now) {
  auto& q = c.prepare("INSERT INTO relayed_commit_events (payload, created_at) VALUES (?, ?)");
  for (const auto& e : events) {
    nlohmann::json payload = {{"kind", kind_name(e.kind)},           {"status_id", e.status_id},
                              {"notification_id", e.notification_id}, {"account_ids", e.account_ids},
                              {"tags", e.tags}};
    q.reset();
    q.bind(1, payload.dump());
    q.bind(2, now);
    q.exec();
  }
}

bool has_relayed_commit_events(Connection& c) {
  auto& q = c.prepare("SELECT EXISTS (SELECT 1 FROM relayed_commit_events)");
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

std::vector<CommitEvent> take_relayed_commit_events(Connection& c, int64_t now, int64_t max_age_ms) {
  std::vector<CommitEvent> events;
  auto& q = c.prepare("DELETE FROM relayed_commit_events RETURNING payload, created_at, id");
  std::vector<std::tuple<int64_t, int64_t, std::string>> rows;
  while (q.executeStep()) {
    rows.emplace_back(q.getColumn(2).getInt64(), q.getColumn(1).getInt64(), q.getColumn(0).getString());
  }
  std::sort(rows.begin(), rows.end());
  for (auto& [id, created_at, payload] : rows) {
    if (now - created_at > max_age_ms) continue;
    if (auto e = parse_event(payload)) {
      events.push_back(std::move(*e));
    } else {
      spdlog::warn("relayed commit event {} unreadable, dropped", id);
    }
  }
  return events;
}

}  // namespace vmst::store
