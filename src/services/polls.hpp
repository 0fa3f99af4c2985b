#pragma once
// Polls: Mastodon's rules for creating them with a status, voting (local and remote polls), the votes remote
// servers send for our polls, and what happens when a poll ends. Functions taking a Connection run inside the
// caller's write transaction; the others open their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert/activitystreams/remote_note.hpp"
#include "convert/mastodon/poll.hpp"
#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "services/poll_input.hpp"
#include "services/status_posting.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/poll_store.hpp"

namespace vmst::services {

// Mastodon's limits (PollValidator), also advertised in the Instance entity.
inline constexpr int kPollMaxOptions = 4;
inline constexpr int kPollMaxOptionCharacters = 50;
inline constexpr int64_t kPollMinExpiresInSeconds = 300;
inline constexpr int64_t kPollMaxExpiresInSeconds = 2'629'746;  // one month

// Throws ServiceError(Invalid) with Mastodon's message ("Validation failed: Poll options must have more than one
// item", ...), every broken rule listed as Rails lists them.
void validate_poll_input(const PollInput& input);

// Creates the poll of a new local status (input already validated).
store::PollRecord create_local_poll(store::Connection& c, int64_t status_id, int64_t account_id, const PollInput& input,
                                    int64_t now);
// An edit's poll, as Mastodon's UpdateStatusService does it: none given removes the poll; other options (or a
// change of `multiple`) replace it and drop its votes; otherwise its duration and hide_totals are updated.
// Returns the poll the status now has.
std::optional<store::PollRecord> replace_local_poll(store::Connection& c, int64_t status_id, int64_t account_id,
                                                    const std::optional<PollInput>& input, int64_t now);

// Stores (or refreshes) the poll of a remote status from its Question.
void record_remote_poll(store::Connection& c, int64_t status_id, int64_t author_id,
                        const convert::as::RemotePoll& poll, int64_t now);
// True when only the poll of a known remote Question changed (an Update with new counts), which is no edit.
bool refresh_remote_poll(store::Connection& c, int64_t status_id, int64_t author_id,
                         const std::optional<convert::as::RemotePoll>& poll, int64_t now);

// A remote Note that is a vote (a `name`, `inReplyTo` one of our polls, no content) is counted and true is
// returned: it is never stored as a status. False when the note is not a vote on a local poll.
bool record_remote_vote(store::Connection& c, const store::AccountRecord& voter, const convert::as::RemoteNote& note,
                        int64_t now);

// The poll if the viewer may see its status (404 otherwise), with what the viewer voted.
struct PollView {
  store::PollRecord poll;
  std::optional<convert::mastodon::PollViewer> viewer;
};
PollView visible_poll(store::Database& db, int64_t poll_id, std::optional<int64_t> viewer);

// A local account votes (`choices` are option indexes). On a remote poll each choice is sent to the poll's
// author as a Create of a Note named after the option. Throws ServiceError with Mastodon's messages.
PollView vote_on_poll(PostingContext& ctx, int64_t account_id, int64_t poll_id, const std::vector<int64_t>& choices);

// How long votes on a local poll gather before other servers get one Update with the new counts (Mastodon waits
// three minutes too, ActivityPub::DistributePollUpdateWorker).
inline constexpr int64_t kPollCountsUpdateDelayMs = 180'000;

// Sends an Update of the Question with the current counts for local polls whose votes changed at least
// kPollCountsUpdateDelayMs ago, to remote followers and voters. Returns how many polls were sent.
int send_poll_count_updates(store::Database& db, const federation::LocalUrls& urls,
                            const federation::EnqueueDelivery& enqueue, int64_t now);

// Acts on polls that ended: a `poll` notification to local voters and, for local polls, to the author; for local
// polls an Update of the Question with the final counts to remote followers and voters. Each poll once.
// Returns how many were closed. Runs periodically on the inbox processor's thread (app/app.cpp).
int close_ended_polls(store::Database& db, const federation::LocalUrls& urls, const federation::EnqueueDelivery& enqueue,
                      int64_t now);

// The status's poll options as a JSON array of titles (what an edit records of its poll), or nullopt without a poll.
std::optional<std::string> poll_options_snapshot(store::Connection& c, int64_t status_id);

}  // namespace vmst::services
