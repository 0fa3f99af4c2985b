#pragma once
// Reading and dismissing notifications (v1). Only the types every client knows are shown; notifications caused by
// accounts the reader blocks or mutes with notifications are hidden; a `hide` filter of the notifications context
// hides the notifications about the statuses it matches; the statuses carry every filter's FilterResults.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "store/relationship_severance_store.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/filter_store.hpp"
#include "store/id_page.hpp"
#include "store/notification_store.hpp"

namespace vmst::services {

// mention, status, reblog, follow, follow_request, favourite, poll, update.
const std::vector<std::string>& shown_notification_types();

struct NotificationQuery {
  std::vector<std::string> types;          // empty: every shown type
  std::vector<std::string> exclude_types;
  std::optional<int64_t> from_account_id;
};

struct NotificationPage {
  std::vector<store::NotificationRow> rows;  // newest first
  std::unordered_map<int64_t, store::AccountRecord> accounts;  // who caused them
  convert::mastodon::StatusBundle statuses;
  std::unordered_map<int64_t, store::SeveranceEventView> severance_events;  // by notification id

  const store::SeveranceEventView* severance_event(int64_t notification_id) const {
    auto it = severance_events.find(notification_id);
    return it == severance_events.end() ? nullptr : &it->second;
  }
};

// The store's listing conditions for the query (shown types that were asked for and not excluded).
store::NotificationScope notification_scope(int64_t viewer, const NotificationQuery& query);

// Accounts and statuses of the rows, the statuses matched against the viewer's filters (FilterResults); rows whose
// account, status or event is gone are left out rather than sent half empty.
NotificationPage load_notification_page(store::Connection& c, int64_t viewer, std::vector<store::NotificationRow> rows,
                                        const std::vector<store::FilterRecord>& filters);

NotificationPage list_notifications(store::Database& db, int64_t viewer, const NotificationQuery& query,
                                    const store::IdPage& page);

// ServiceError NotFound when it is not the viewer's (or not of a shown type).
NotificationPage get_notification(store::Database& db, int64_t viewer, int64_t id);

void clear_notifications(store::Database& db, int64_t viewer);
// ServiceError NotFound when it is not the viewer's.
void dismiss_notification(store::Database& db, int64_t viewer, int64_t id);

// Notifications newer than the viewer's notifications marker, counted up to limit.
int64_t unread_notification_count(store::Database& db, int64_t viewer, const NotificationQuery& query, int limit);

}  // namespace vmst::services
