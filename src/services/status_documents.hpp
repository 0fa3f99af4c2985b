#pragma once
// Local statuses as the ActivityStreams documents other servers fetch: what the Note of a status holds, read from
// the database in the caller's connection.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "federation/local_urls.hpp"
#include "store/database.hpp"

namespace vmst::services {

// The Note of a local, public or unlisted status, or nullopt (unknown, remote, a reblog, or not public: those are
// only delivered, never served to anonymous fetches).
std::optional<nlohmann::json> public_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls);

// The Note (a Question when it has a poll) of any local status that is no reblog, whatever its visibility, with
// its @context: for activities that carry the whole object (a poll's final Update). nullopt when there is none.
std::optional<nlohmann::json> local_note(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls);

// What an actor's outbox lists for one of its statuses (without @context): Create{Note} for a public or unlisted
// post, Announce for a public boost of a status that is itself public or unlisted. nullopt for anything else.
std::optional<nlohmann::json> outbox_item(store::Connection& c, int64_t status_id, const federation::LocalUrls& urls);

}  // namespace vmst::services
