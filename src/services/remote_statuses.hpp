#pragma once
// Statuses and interactions arriving from other servers: stored when they concern someone here (a local follower
// of the author, a local mention, a reply to a local status), with the same home feeds, counters and notifications
// as local ones. Each function runs inside the caller's write transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "convert/activitystreams/remote_note.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// How a note reached us: delivered to an inbox (kept only when it concerns someone here), or fetched because a
// user asked for it (a search by URL) or a followed account boosted it, which keeps it whoever it concerns, as
// Mastodon does.
enum class NoteArrival { Delivered, FetchedOnRequest };

// The new status's id; nullopt when it was already known or, when delivered, concerns nobody here.
std::optional<int64_t> record_remote_note(store::Connection& c, const store::AccountRecord& author,
                                          const convert::as::RemoteNote& note, int64_t now,
                                          NoteArrival arrival = NoteArrival::Delivered);
// Applies an edit by the author (keeping the previous version in the history). False when the status is unknown.
bool update_remote_note(store::Connection& c, const store::AccountRecord& author, const convert::as::RemoteNote& note,
                        int64_t now);
// Deletes the author's status with this id (or its reblog with this Announce id). False when unknown.
bool delete_remote_status(store::Connection& c, const store::AccountRecord& author, const std::string& uri);

// A reblog of a status we know, by a remote account. nullopt when the status is unknown or already reblogged.
std::optional<int64_t> record_remote_announce(store::Connection& c, const store::AccountRecord& booster,
                                              const std::string& announce_uri, const std::string& object_uri,
                                              bool is_public, int64_t now);
bool record_remote_like(store::Connection& c, const store::AccountRecord& liker, const std::string& like_uri,
                        const std::string& object_uri, int64_t now);
bool undo_remote_like(store::Connection& c, const store::AccountRecord& liker, const std::string& like_uri,
                      const std::optional<std::string>& object_uri);

}  // namespace vmst::services
