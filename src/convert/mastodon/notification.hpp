#pragma once
// Notifications as the Mastodon client API shows them (v1): {id, type, created_at, account, status, group_key,
// filtered}, plus `event` (RelationshipSeveranceEvent) for severed_relationships. `status` is present exactly for the types about a status, and never null there (Tusky #2252 crashed on
// a null status), so a notification whose status cannot be rendered is not rendered at all.
#include <nlohmann/json.hpp>
#include <string_view>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"
#include "store/notification_store.hpp"
#include "store/relationship_severance_store.hpp"

namespace vmst::convert::mastodon {

// mention, status, reblog, favourite, poll and update carry a status.
bool notification_has_status(std::string_view type);

// RelationshipSeveranceEvent.
nlohmann::json severance_event_json(const store::SeveranceEventView& event);

// `from` is the account that caused it; the status (if any) comes from the bundle; `event` is the relationship
// severance event of a severed_relationships notification. Null when something it needs is missing.
nlohmann::json notification_json(const store::NotificationRow& notification, const store::AccountRecord& from,
                                 const StatusBundle& statuses, const federation::LocalUrls& urls,
                                 const store::SeveranceEventView* event = nullptr);

}  // namespace vmst::convert::mastodon
