#pragma once
// NotificationPolicy (GET /api/v2/notifications/policy). There is no notification filtering yet, so the policy is
// Mastodon's default for a new user and nothing is ever pending.
#include <nlohmann/json.hpp>

namespace vmst::convert::mastodon {

nlohmann::json default_notification_policy_json();

}  // namespace vmst::convert::mastodon
