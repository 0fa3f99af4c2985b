#pragma once
// SQL for polls (one per status, local or remote) and the votes cast on them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct PollRecord {
  int64_t id = 0;
  int64_t status_id = 0;
  int64_t account_id = 0;  // the poll's author
  std::vector<std::string> options;
  std::vector<int64_t> votes_counts;  // per option, in option order
  bool multiple = false;
  bool hide_totals = false;
  int64_t votes_count = 0;
  std::optional<int64_t> voters_count;  // null for remote single-choice polls that do not say
  std::optional<int64_t> expires_at;
  std::optional<int64_t> last_fetched_at;
  std::optional<int64_t> closed_at;  // when its end was acted on (notifications, final Update)
  int64_t created_at = 0;
};

void insert_poll(Connection& c, const PollRecord& poll);
std::optional<PollRecord> find_poll(Connection& c, int64_t id);
std::optional<PollRecord> find_poll_by_status(Connection& c, int64_t status_id);
// The polls of the statuses, in one query.
std::vector<PollRecord> polls_of_statuses(Connection& c, const std::vector<int64_t>& status_ids);
void delete_poll_of_status(Connection& c, int64_t status_id);

// Replaces the tallies (a vote counted, or a remote server's Update with its counts).
void update_poll_counts(Connection& c, int64_t poll_id, const std::vector<int64_t>& votes_counts, int64_t votes_count,
                        std::optional<int64_t> voters_count);
// An edit that kept the options: new duration and hide_totals; a poll given more time runs again.
void update_local_poll_settings(Connection& c, int64_t poll_id, bool hide_totals, std::optional<int64_t> expires_at);
// A remote poll's fields after an Update of its Question (options unchanged or replaced with the counts).
void update_remote_poll(Connection& c, const PollRecord& poll);

// False when the account already voted for that choice.
bool insert_poll_vote(Connection& c, int64_t id, int64_t poll_id, int64_t account_id, int choice,
                      const std::optional<std::string>& uri, int64_t now);
// The account's choices on each of the polls (only polls it voted on appear), in one query.
std::map<int64_t, std::vector<int>> own_poll_votes(Connection& c, int64_t account_id, const std::vector<int64_t>& poll_ids);
// Distinct accounts that voted on the poll.
std::vector<int64_t> poll_voter_ids(Connection& c, int64_t poll_id);
// A vote already recorded under this ActivityPub id (remote votes are delivered at least once).
bool poll_vote_uri_exists(Connection& c, const std::string& uri);

// A vote changed a local poll's counts; other servers hear of it later (the first unsent change is kept).
void mark_poll_counts_changed(Connection& c, int64_t poll_id, int64_t now);
// Running polls whose counts changed at or before `changed_before` and were not sent yet.
std::vector<PollRecord> polls_with_unsent_counts(Connection& c, int64_t changed_before, int limit);
void clear_poll_counts_changed(Connection& c, int64_t poll_id);

// Polls whose end has passed and was not acted on yet, oldest end first.
std::vector<PollRecord> polls_waiting_to_close(Connection& c, int64_t now, int limit);
// Also clears unsent counts: the final Update carries them.
void mark_poll_closed(Connection& c, int64_t poll_id, int64_t now);

}  // namespace vmst::store
