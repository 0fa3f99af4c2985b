#include "services/grouped_notifications.hpp"

#include <algorithm>
#include <limits>

#include "services/notification_grouping.hpp"
#include "services/service_error.hpp"
#include "services/status_filters.hpp"
#include "store/marker_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// The groupable types the client asked to see grouped (all of them when it named none).
std::vector<std::string> grouped_types_of(const GroupedNotificationQuery& query) {
  const auto& groupable = groupable_notification_types();
  if (query.grouped_types.empty()) return groupable;
  std::vector<std::string> out;
  for (const auto& type : groupable) {
    if (std::find(query.grouped_types.begin(), query.grouped_types.end(), type) != query.grouped_types.end()) {
      out.push_back(type);
    }
  }
  return out;
}

bool grouped(const store::NotificationRow& n, const std::vector<std::string>& grouped_types) {
  return n.group_key && std::find(grouped_types.begin(), grouped_types.end(), n.type) != grouped_types.end();
}

NotificationGroup single(const store::NotificationRow& n, bool paged) {
  NotificationGroup g;
  g.group_key = "ungrouped-" + std::to_string(n.id);
  g.head = n;
  g.notifications_count = 1;
  g.most_recent_notification_id = n.id;
  g.sample_account_ids = {n.from_account_id};
  if (paged) g.page = NotificationGroupPageBounds{n.id, n.id, n.created_at};
  return g;
}

// Builds the groups of the rendered heads; `from`..`up_to` is the page's span of notification ids.
void build_groups(store::Connection& c, GroupedNotificationPage& out, const std::vector<std::string>& grouped_types,
                  int64_t from, int64_t up_to, bool paged) {
  std::vector<int64_t> missing_accounts;
  for (const auto& head : out.details.rows) {
    if (!grouped(head, grouped_types)) {
      out.groups.push_back(single(head, paged));
      continue;
    }
    auto data = store::notification_group_data(c, head.account_id, *head.group_key, from, up_to, kSampleAccounts);
    if (!data) continue;
    NotificationGroup g;
    g.group_key = *head.group_key;
    g.head = head;
    g.notifications_count = data->count;
    g.most_recent_notification_id = data->most_recent_id;
    g.sample_account_ids = data->sample_account_ids;
    if (paged) g.page = NotificationGroupPageBounds{data->oldest_id_from, data->most_recent_id, data->latest_created_at};
    for (int64_t id : g.sample_account_ids) {
      if (!out.details.accounts.contains(id)) missing_accounts.push_back(id);
    }
    out.groups.push_back(std::move(g));
  }
  std::sort(missing_accounts.begin(), missing_accounts.end());
  missing_accounts.erase(std::unique(missing_accounts.begin(), missing_accounts.end()), missing_accounts.end());
  for (auto& a : store::find_accounts(c, missing_accounts)) out.details.accounts.emplace(a.id, std::move(a));
  // A sample account that is gone is left out of the sample.
  for (auto& g : out.groups) {
    std::erase_if(g.sample_account_ids, [&](int64_t id) { return !out.details.accounts.contains(id); });
  }
}

// Only the notifications a listing would show.
std::vector<store::NotificationRow> shown_in_group(store::Connection& c, int64_t viewer, const std::string& key) {
  auto rows = store::notifications_in_group(c, viewer, key);
  const auto& known = shown_notification_types();
  std::erase_if(rows, [&](const store::NotificationRow& n) {
    return std::find(known.begin(), known.end(), n.type) == known.end();
  });
  return rows;
}

}  // namespace

GroupedNotificationPage list_notification_groups(store::Database& db, int64_t viewer,
                                                 const GroupedNotificationQuery& query, const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    const auto scope = notification_scope(viewer, query.filter);
    const auto types = grouped_types_of(query);
    const auto filters = active_filters(c, viewer, scope.now);
    auto heads = store::notification_group_heads(c, scope, types, page);
    GroupedNotificationPage out;
    out.fetched = heads.size();
    if (heads.empty()) return out;
    out.newest_cursor = heads.front().id;
    out.oldest_cursor = heads.back().id;
    const int64_t from = heads.back().id, up_to = heads.front().id;
    // A `hide` filter of the notifications context hides the groups about the statuses it matches.
    const auto hiding = hiding_filters(filters, FilterContext::Notifications);
    if (!hiding.empty()) {
      std::vector<int64_t> status_ids;
      for (const auto& n : heads)
        if (n.status_id) status_ids.push_back(*n.status_id);
      auto hidden = matched_by_filters(c, status_ids, hiding);
      std::erase_if(heads, [&](const auto& n) { return n.status_id && hidden.contains(*n.status_id); });
    }
    out.details = load_notification_page(c, viewer, std::move(heads), filters);
    build_groups(c, out, types, from, up_to, true);
    return out;
  });
}

GroupedNotificationPage get_notification_group(store::Database& db, int64_t viewer, const std::string& group_key) {
  return db.read([&](store::Connection& c) {
    auto rows = shown_in_group(c, viewer, group_key);
    if (rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    GroupedNotificationPage out;
    out.fetched = 1;
    out.details = load_notification_page(c, viewer, {rows.front()}, active_filters(c, viewer, now_millis()));
    if (out.details.rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    build_groups(c, out, groupable_notification_types(), std::numeric_limits<int64_t>::min(),
                 std::numeric_limits<int64_t>::max(), false);
    if (out.groups.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    return out;
  });
}

std::vector<store::AccountRecord> notification_group_accounts(store::Database& db, int64_t viewer,
                                                              const std::string& group_key) {
  return db.read([&](store::Connection& c) {
    auto rows = shown_in_group(c, viewer, group_key);
    if (rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    std::vector<int64_t> ids;
    for (const auto& n : rows) {
      if (std::find(ids.begin(), ids.end(), n.from_account_id) == ids.end()) ids.push_back(n.from_account_id);
    }
    auto found = store::find_accounts(c, ids);
    std::vector<store::AccountRecord> out;
    for (int64_t id : ids) {
      for (auto& a : found) {
        if (a.id == id) out.push_back(a);
      }
    }
    return out;
  });
}

void dismiss_notification_group(store::Database& db, int64_t viewer, const std::string& group_key) {
  db.write([&](store::Connection& c) { store::delete_notification_group(c, viewer, group_key); });
}

int64_t unread_notification_group_count(store::Database& db, int64_t viewer, const GroupedNotificationQuery& query,
                                        int limit) {
  return db.read([&](store::Connection& c) {
    auto marker = store::find_marker(c, viewer, "notifications");
    return store::count_notification_groups_after(c, notification_scope(viewer, query.filter),
                                                  grouped_types_of(query), marker ? marker->last_read_id : 0, limit);
  });
}

}  // namespace vmst::services
