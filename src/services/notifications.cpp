#include "services/notifications.hpp"

#include <algorithm>

#include "convert/mastodon/notification.hpp"
#include "services/page_fill.hpp"
#include "services/service_error.hpp"
#include "services/status_filters.hpp"
#include "services/status_views.hpp"
#include "store/marker_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

store::NotificationScope notification_scope(int64_t viewer, const NotificationQuery& query) {
  const auto& known = shown_notification_types();
  store::NotificationScope scope;
  scope.account_id = viewer;
  scope.from_account_id = query.from_account_id;
  scope.now = now_millis();
  for (const auto& type : known) {
    const bool asked = query.types.empty() || std::find(query.types.begin(), query.types.end(), type) != query.types.end();
    const bool excluded = std::find(query.exclude_types.begin(), query.exclude_types.end(), type) != query.exclude_types.end();
    if (asked && !excluded) scope.types.push_back(type);
  }
  return scope;
}

NotificationPage load_notification_page(store::Connection& c, int64_t viewer, std::vector<store::NotificationRow> rows,
                                        const std::vector<store::FilterRecord>& filters) {
  NotificationPage page;
  std::vector<int64_t> account_ids, status_ids;
  for (const auto& n : rows) {
    account_ids.push_back(n.from_account_id);
    if (n.status_id && convert::mastodon::notification_has_status(n.type)) status_ids.push_back(*n.status_id);
  }
  std::sort(account_ids.begin(), account_ids.end());
  account_ids.erase(std::unique(account_ids.begin(), account_ids.end()), account_ids.end());
  for (auto& a : store::find_accounts(c, account_ids)) page.accounts.emplace(a.id, std::move(a));
  page.statuses = load_statuses(c, status_ids, viewer, &filters);
  std::vector<int64_t> severed;
  for (const auto& n : rows) {
    if (n.type == "severed_relationships") severed.push_back(n.id);
  }
  page.severance_events = store::severance_events_of(c, severed);
  // What cannot be rendered (its account, status or event gone) is left out rather than sent half empty.
  std::erase_if(rows, [&](const store::NotificationRow& n) {
    if (!page.accounts.contains(n.from_account_id)) return true;
    if (n.type == "severed_relationships") return !page.severance_events.contains(n.id);
    if (!convert::mastodon::notification_has_status(n.type)) return false;
    return !n.status_id || page.statuses.status(*n.status_id) == nullptr;
  });
  page.rows = std::move(rows);
  return page;
}

const std::vector<std::string>& shown_notification_types() {
  static const std::vector<std::string> kTypes = {"mention",   "status", "reblog", "follow", "follow_request",
                                                  "favourite", "poll",   "update", "severed_relationships"};
  return kTypes;
}

NotificationPage list_notifications(store::Database& db, int64_t viewer, const NotificationQuery& query,
                                    const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    const auto scope = notification_scope(viewer, query);
    const auto filters = active_filters(c, viewer, scope.now);
    const auto hiding = hiding_filters(filters, FilterContext::Notifications);
    auto fetch = [&](const store::IdPage& p) { return store::notification_page(c, scope, p); };
    std::vector<store::NotificationRow> rows;
    if (!hiding.empty()) {
      rows = fill_page<store::NotificationRow>(
          page, fetch, [](const store::NotificationRow& n) { return n.id; },
          [&](std::vector<store::NotificationRow> chunk) {
            std::vector<int64_t> status_ids;
            for (const auto& n : chunk)
              if (n.status_id) status_ids.push_back(*n.status_id);
            auto hidden = matched_by_filters(c, status_ids, hiding);
            std::erase_if(chunk, [&](const auto& n) { return n.status_id && hidden.contains(*n.status_id); });
            return chunk;
          });
    } else {
      rows = fetch(page);
    }
    return load_notification_page(c, viewer, std::move(rows), filters);
  });
}

NotificationPage get_notification(store::Database& db, int64_t viewer, int64_t id) {
  return db.read([&](store::Connection& c) {
    auto row = store::find_notification(c, viewer, id);
    const auto& known = shown_notification_types();
    if (!row || std::find(known.begin(), known.end(), row->type) == known.end()) {
      throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    }
    auto page = load_notification_page(c, viewer, {*row}, active_filters(c, viewer, now_millis()));
    if (page.rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    return page;
  });
}

void clear_notifications(store::Database& db, int64_t viewer) {
  db.write([&](store::Connection& c) { store::delete_all_notifications(c, viewer); });
}

void dismiss_notification(store::Database& db, int64_t viewer, int64_t id) {
  const bool removed = db.write([&](store::Connection& c) { return store::delete_notification(c, viewer, id); });
  if (!removed) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
}

int64_t unread_notification_count(store::Database& db, int64_t viewer, const NotificationQuery& query, int limit) {
  return db.read([&](store::Connection& c) {
    auto marker = store::find_marker(c, viewer, "notifications");
    return store::count_notifications_after(c, notification_scope(viewer, query), marker ? marker->last_read_id : 0, limit);
  });
}

}  // namespace vmst::services
