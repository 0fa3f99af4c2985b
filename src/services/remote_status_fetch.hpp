#pragma once
// A status from another server that we were pointed to by URL: a user asked for it (search with resolve=true), or an
// account someone here follows boosted it (an Announce of a status we never received). Fetched (signed by the
// instance actor, never from a blocked server), checked (its id on the host that answered, its author on the same
// host and resolved) and kept, as Mastodon does. Runs on the caller's thread (an HTTP worker, the inbox processor);
// the fetch blocks it for at most the fetch timeout, outside any database transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "federation/actor_resolver.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct FetchedStatus {
  // What the URL turned out to be. NotANote: it answered with some other object (an actor, say), for the caller to
  // try another way. Unavailable: the fetch failed or the object was refused.
  enum class Kind { Status, NotANote, Unavailable } kind = Kind::Unavailable;
  int64_t status_id = 0;  // with Status: the stored (or already known) status
};

FetchedStatus fetch_remote_status(store::Database& db, federation::ActorResolver& resolver, const std::string& url,
                                  int64_t now);

}  // namespace vmst::services
