#include "convert/mastodon/notification_policy.hpp"

namespace vmst::convert::mastodon {

nlohmann::json default_notification_policy_json() {
  return {{"for_not_following", "accept"},
          {"for_not_followers", "accept"},
          {"for_new_accounts", "accept"},
          {"for_private_mentions", "filter"},
          {"for_limited_accounts", "filter"},
          {"summary", {{"pending_requests_count", 0}, {"pending_notifications_count", 0}}}};
}

}  // namespace vmst::convert::mastodon
