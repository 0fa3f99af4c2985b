#pragma once
// What one account is to another, as Mastodon's Relationship describes it, computed from the social-graph rows.
#include <cstdint>
#include <vector>

#include "convert/mastodon/relationship.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/relationship_store.hpp"

namespace vmst::services {

// The relationship of the viewer to `target` given the rows loaded for it. Pure: the rules in one place.
// - showing_reblogs, notifying and languages come from the follow, else from a pending request, else are off;
// - a mute that expired by `now` no longer counts;
// - domain_blocking holds when the viewer blocks the target's (remote) domain.
convert::mastodon::Relationship relationship_from_rows(const store::RelationshipRows& rows,
                                                       const store::AccountRecord& target, int64_t now);

// One relationship per account that exists among `ids`, in the order asked (duplicates once).
std::vector<convert::mastodon::Relationship> relationships(store::Connection& c, int64_t viewer,
                                                           const std::vector<int64_t>& ids, int64_t now);

// The relationship to one account; ServiceError NotFound when it does not exist.
convert::mastodon::Relationship relationship(store::Connection& c, int64_t viewer, int64_t target_id, int64_t now);

}  // namespace vmst::services
