#pragma once
// Carries commit events from a process without live streams (the admin CLI) to the running server, which has them.
// The CLI's commit listener writes them into relayed_commit_events right after each change commits (a rolled-back
// change announces nothing); the server's inbox-processor thread takes them about once a second and hands them to its
// own commit listener, as if it had made the change itself. Best effort by design: a CLI killed between the two
// commits leaves open streams behind by those events, never the database.
#include <cstdint>
#include <vector>

#include "store/commit_events.hpp"
#include "store/database.hpp"

namespace vmst::store {

// Makes db's commit listener relay every committed change's events. For the CLI, at start-up, before writes begin.
void relay_commits(Database& db);

// Writes events as rows.
void relay_commit_events(Connection& c, const std::vector<CommitEvent>& events, int64_t now);

// Whether any relayed event waits: a cheap read, so that an idle server takes no write lock each second.
bool has_relayed_commit_events(Connection& c);

// Removes and returns every waiting event, oldest first. Events older than max_age_ms are dropped unread: they were
// relayed while no server ran, so no stream could have been waiting for them.
std::vector<CommitEvent> take_relayed_commit_events(Connection& c, int64_t now, int64_t max_age_ms);

}  // namespace vmst::store
