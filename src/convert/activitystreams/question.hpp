#pragma once
// Polls in ActivityStreams, as Mastodon writes and reads them (docs/federation.md §3.2): a status with a poll is a
// Question whose options are Note-shaped `{type:"Note", name, replies:{type:"Collection", totalItems}}` under
// `oneOf` (single choice) or `anyOf` (multiple), with `endTime`, `closed` once over, and `votersCount`. A vote is a
// Create of a Note carrying only `name` (the option's title) and `inReplyTo` (the Question), sent to the poll's
// author alone.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/poll_store.hpp"

namespace vmst::convert::as {

// Turns a Note (convert/activitystreams/note) into the Question carrying the poll.
void add_question_fields(nlohmann::json& note, const store::PollRecord& poll, int64_t now);

// The Update that refreshes a Question elsewhere (new counts, or its end), addressed as the Question is.
nlohmann::json update_question(const nlohmann::json& question, const std::string& actor_uri, int64_t now);

// The Create of one vote (one per chosen option), ids under the voter: `<actor>#votes/<vote id>`.
nlohmann::json vote_create(const store::AccountRecord& voter, int64_t vote_id, const std::string& question_uri,
                           const std::string& poll_author_uri, const std::string& option_title, int64_t now);

// A poll read from a remote Question.
struct RemotePoll {
  std::vector<std::string> options;
  std::vector<int64_t> votes_counts;
  bool multiple = false;
  std::optional<int64_t> expires_at;  // endTime, else the time in `closed`
  std::optional<int64_t> voters_count;
};

// nullopt when the object has no usable options (fewer than one titled option).
std::optional<RemotePoll> parse_question_poll(const nlohmann::json& object);

}  // namespace vmst::convert::as
