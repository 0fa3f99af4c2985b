#pragma once
// A status from another server that a user asked for by URL (search with resolve=true): fetched, checked and kept,
// whoever it concerns here, as Mastodon does. Runs on the caller's thread (an HTTP worker); the fetch blocks it for
// at most the fetch timeout, outside any database transaction.
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
