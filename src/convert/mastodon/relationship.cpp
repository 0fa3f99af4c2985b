#include "convert/mastodon/relationship.hpp"

namespace vmst::convert::mastodon {

nlohmann::json relationship_json(const Relationship& r) {
  return {
      {"id", std::to_string(r.account_id)},
      {"following", r.following},
      {"showing_reblogs", r.showing_reblogs},
      {"notifying", r.notifying},
      {"languages", r.languages ? nlohmann::json(*r.languages) : nlohmann::json()},
      {"followed_by", r.followed_by},
      {"blocking", r.blocking},
      {"blocked_by", r.blocked_by},
      {"muting", r.muting},
      {"muting_notifications", r.muting_notifications},
      {"requested", r.requested},
      {"requested_by", r.requested_by},
      {"domain_blocking", r.domain_blocking},
      {"endorsed", r.endorsed},
      {"note", r.note},
  };
}

}  // namespace vmst::convert::mastodon
