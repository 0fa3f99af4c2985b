#include "services/polls.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "convert/activitystreams/question.hpp"
#include "delivery/fan_out.hpp"
#include "services/service_error.hpp"
#include "services/status_documents.hpp"
#include "services/status_views.hpp"
#include "services/notification_grouping.hpp"
#include "store/fan_out_store.hpp"
#include "store/ids.hpp"
#include "store/notification_store.hpp"
#include "store/status_store.hpp"
#include "text/html_sanitizer.hpp"
#include "text/status_length.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

// Mastodon's wording (config/locales/en.yml, polls.errors), behind Rails' "Validation failed: ".
constexpr const char* kExpired = "Validation failed: The poll has already ended";
constexpr const char* kInvalidChoice = "Validation failed: The chosen vote option does not exist";
constexpr const char* kSelfVote = "Validation failed: You cannot vote in your own polls";
constexpr const char* kAlreadyVoted = "Validation failed: You have already voted on this poll";
// How many ended polls one pass closes; the rest wait for the next pass.
constexpr int kCloseBatch = 50;

bool ended(const store::PollRecord& poll, int64_t now) { return poll.expires_at && *poll.expires_at <= now; }

std::vector<int64_t> zero_counts(size_t n) { return std::vector<int64_t>(n, 0); }

// Adds votes to the tallies; a first-time voter also counts once in voters_count (when the poll counts voters).
void count_votes(store::Connection& c, store::PollRecord& poll, const std::vector<int64_t>& choices, bool new_voter) {
  for (int64_t choice : choices) poll.votes_counts[static_cast<size_t>(choice)] += 1;
  poll.votes_count += static_cast<int64_t>(choices.size());
  if (new_voter && poll.voters_count) *poll.voters_count += 1;
  store::update_poll_counts(c, poll.id, poll.votes_counts, poll.votes_count, poll.voters_count);
}

store::PollRecord from_remote(const convert::as::RemotePoll& remote, int64_t id, int64_t status_id, int64_t author_id,
                              int64_t now) {
  store::PollRecord p;
  p.id = id;
  p.status_id = status_id;
  p.account_id = author_id;
  p.options = remote.options;
  p.votes_counts = remote.votes_counts;
  p.multiple = remote.multiple;
  p.votes_count = 0;
  for (int64_t n : remote.votes_counts) p.votes_count += n;
  p.voters_count = remote.voters_count;
  // Without votersCount, a single-choice poll has one voter per vote.
  if (!p.voters_count && !p.multiple) p.voters_count = p.votes_count;
  p.expires_at = remote.expires_at;
  p.last_fetched_at = now;
  p.created_at = now;
  return p;
}

std::optional<convert::mastodon::PollViewer> viewer_of(store::Connection& c, const store::PollRecord& poll,
                                                       std::optional<int64_t> viewer) {
  if (!viewer) return std::nullopt;
  convert::mastodon::PollViewer v{*viewer, {}};
  auto votes = store::own_poll_votes(c, *viewer, {poll.id});
  if (auto it = votes.find(poll.id); it != votes.end()) v.own_votes = it->second;
  return v;
}

// Followers' and remote voters' inboxes, for the Update that tells them the final counts.
std::vector<std::string> question_audience(store::Connection& c, const store::StatusRecord& status,
                                           const store::PollRecord& poll) {
  std::vector<delivery::Recipient> recipients;
  if (status.visibility != "direct") {
    for (auto& inbox : store::remote_follower_inboxes(c, status.account_id)) {
      recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
    }
  }
  std::vector<int64_t> others = store::poll_voter_ids(c, poll.id);
  for (const auto& [s, account] : store::mentions_of(c, {status.id})) others.push_back(account);
  for (const auto& a : store::find_accounts(c, others)) {
    if (a.domain) recipients.push_back({a.inbox_url, a.shared_inbox_url});
  }
  return delivery::collapse_recipients(recipients, status.visibility == "direct");
}

}  // namespace

void validate_poll_input(const PollInput& input) {
  std::vector<std::string> errors;
  if (input.options.size() < 2) errors.push_back("Poll options must have more than one item");
  if (input.options.size() > static_cast<size_t>(kPollMaxOptions)) {
    errors.push_back("Poll options can't contain more than " + std::to_string(kPollMaxOptions) + " items");
  }
  if (std::any_of(input.options.begin(), input.options.end(), [](const std::string& o) {
        return text::count_plain_characters(o) > kPollMaxOptionCharacters;
      })) {
    errors.push_back("Poll options cannot be longer than " + std::to_string(kPollMaxOptionCharacters) +
                     " characters each");
  }
  std::set<std::string> distinct(input.options.begin(), input.options.end());
  if (distinct.size() != input.options.size()) errors.push_back("Poll options contains duplicate items");
  if (!input.expires_in || *input.expires_in > kPollMaxExpiresInSeconds) {
    errors.push_back("Poll expires at is too far into the future");
  } else if (*input.expires_in < kPollMinExpiresInSeconds) {
    errors.push_back("Poll expires at is too soon");
  }
  if (errors.empty()) return;
  std::string message = "Validation failed: ";
  for (size_t i = 0; i < errors.size(); ++i) message += (i ? ", " : "") + errors[i];
  throw ServiceError(Kind::Invalid, message);
}

store::PollRecord create_local_poll(store::Connection& c, int64_t status_id, int64_t account_id, const PollInput& input,
                                    int64_t now) {
  store::PollRecord p;
  p.id = store::next_id();
  p.status_id = status_id;
  p.account_id = account_id;
  p.options = input.options;
  p.votes_counts = zero_counts(input.options.size());
  p.multiple = input.multiple;
  p.hide_totals = input.hide_totals;
  p.voters_count = 0;  // local polls always count their voters (Mastodon)
  p.expires_at = now + input.expires_in.value_or(kPollMaxExpiresInSeconds) * 1000;
  p.created_at = now;
  store::insert_poll(c, p);
  return p;
}

std::optional<store::PollRecord> replace_local_poll(store::Connection& c, int64_t status_id, int64_t account_id,
                                                    const std::optional<PollInput>& input, int64_t now) {
  auto current = store::find_poll_by_status(c, status_id);
  if (!input) {
    if (current) store::delete_poll_of_status(c, status_id);
    return std::nullopt;
  }
  if (current && current->options == input->options && current->multiple == input->multiple) {
    current->hide_totals = input->hide_totals;
    current->expires_at = now + input->expires_in.value_or(kPollMaxExpiresInSeconds) * 1000;
    current->closed_at.reset();
    store::update_local_poll_settings(c, current->id, current->hide_totals, current->expires_at);
    return current;
  }
  // Other options invalidate every vote: the old poll goes with them.
  if (current) store::delete_poll_of_status(c, status_id);
  return create_local_poll(c, status_id, account_id, *input, now);
}

void record_remote_poll(store::Connection& c, int64_t status_id, int64_t author_id, const convert::as::RemotePoll& poll,
                        int64_t now) {
  store::insert_poll(c, from_remote(poll, store::next_id(), status_id, author_id, now));
}

bool refresh_remote_poll(store::Connection& c, int64_t status_id, int64_t author_id,
                         const std::optional<convert::as::RemotePoll>& poll, int64_t now) {
  auto current = store::find_poll_by_status(c, status_id);
  if (!poll) {
    if (current) store::delete_poll_of_status(c, status_id);
    return false;
  }
  if (!current) {
    record_remote_poll(c, status_id, author_id, *poll, now);
    return false;
  }
  auto fresh = from_remote(*poll, current->id, status_id, author_id, now);
  fresh.hide_totals = current->hide_totals;
  if (fresh.options != current->options || fresh.multiple != current->multiple) {
    // Other options: the votes cast here are for a poll that no longer exists.
    store::delete_poll_of_status(c, status_id);
    fresh.id = store::next_id();
    store::insert_poll(c, fresh);
    return false;
  }
  store::update_remote_poll(c, fresh);
  return true;
}

bool record_remote_vote(store::Connection& c, const store::AccountRecord& voter, const convert::as::RemoteNote& note,
                        int64_t now) {
  if (!note.name || !note.in_reply_to || !text::html_to_plain_text(note.content).empty()) return false;
  auto status = store::find_status_by_uri(c, *note.in_reply_to);
  if (!status || !status->local) return false;
  auto poll = store::find_poll_by_status(c, status->id);
  if (!poll) return false;
  auto option = std::find(poll->options.begin(), poll->options.end(), *note.name);
  // A reply named after no option is an ordinary (if odd) reply, as on Mastodon.
  if (option == poll->options.end()) return false;
  const int64_t choice = option - poll->options.begin();
  if (ended(*poll, now) || voter.id == poll->account_id || store::poll_vote_uri_exists(c, note.uri)) {
    spdlog::info("inbox: vote {} by {} not counted (poll ended, own poll or already counted)", note.uri, voter.uri);
    return true;
  }
  auto earlier = store::own_poll_votes(c, voter.id, {poll->id});
  const bool voted_before = earlier.contains(poll->id);
  if (voted_before && !poll->multiple) {
    spdlog::info("inbox: {} already voted on single-choice poll {}", voter.uri, poll->id);
    return true;
  }
  if (!store::insert_poll_vote(c, store::next_id(), poll->id, voter.id, static_cast<int>(choice), note.uri, now)) {
    return true;  // that choice was counted already
  }
  count_votes(c, *poll, {choice}, !voted_before);
  store::mark_poll_counts_changed(c, poll->id, now);
  return true;
}

PollView visible_poll(store::Database& db, int64_t poll_id, std::optional<int64_t> viewer) {
  return db.read([&](store::Connection& c) {
    auto poll = store::find_poll(c, poll_id);
    if (!poll) throw ServiceError(Kind::NotFound, "Record not found");
    visible_status(c, poll->status_id, viewer);
    return PollView{*poll, viewer_of(c, *poll, viewer)};
  });
}

PollView vote_on_poll(PostingContext& ctx, int64_t account_id, int64_t poll_id, const std::vector<int64_t>& requested) {
  std::vector<int64_t> choices = requested;
  std::sort(choices.begin(), choices.end());
  choices.erase(std::unique(choices.begin(), choices.end()), choices.end());
  bool enqueued = false;
  auto view = ctx.db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    auto poll = store::find_poll(c, poll_id);
    if (!poll) throw ServiceError(Kind::NotFound, "Record not found");
    auto status = visible_status(c, poll->status_id, account_id);
    // Mastodon's VoteValidator, in its order.
    if (ended(*poll, now)) throw ServiceError(Kind::Invalid, kExpired);
    if (choices.empty()) throw ServiceError(Kind::Invalid, kInvalidChoice);
    for (int64_t choice : choices) {
      if (choice < 0 || choice >= static_cast<int64_t>(poll->options.size())) {
        throw ServiceError(Kind::Invalid, kInvalidChoice);
      }
    }
    if (poll->account_id == account_id) throw ServiceError(Kind::Invalid, kSelfVote);
    auto earlier = store::own_poll_votes(c, account_id, {poll->id});
    const bool voted_before = earlier.contains(poll->id);
    // A single-choice poll takes one vote; several choices at once is voting twice.
    if (!poll->multiple && (voted_before || choices.size() > 1)) throw ServiceError(Kind::Invalid, kAlreadyVoted);
    if (voted_before) {
      for (int choice : earlier[poll->id]) {
        if (std::find(choices.begin(), choices.end(), choice) != choices.end()) {
          throw ServiceError(Kind::Invalid, kAlreadyVoted);
        }
      }
    }

    auto author = store::find_account(c, poll->account_id);
    auto voter = store::find_account(c, account_id);
    if (!author || !voter) throw ServiceError(Kind::NotFound, "Record not found");
    for (int64_t choice : choices) {
      const int64_t vote_id = store::next_id();
      std::optional<std::string> uri;
      if (author->domain) uri = voter->uri + "#votes/" + std::to_string(vote_id);
      store::insert_poll_vote(c, vote_id, poll->id, account_id, static_cast<int>(choice), uri, now);
      if (author->domain && ctx.enqueue && !author->inbox_url.empty()) {
        // Only the poll's author hears of a vote (Mastodon's shape); their server counts it and tells the rest.
        auto activity = convert::as::vote_create(*voter, vote_id, status.uri, author->uri,
                                                 poll->options[static_cast<size_t>(choice)], now);
        ctx.enqueue(c, account_id, activity.dump(), {author->inbox_url}, now);
        enqueued = true;
      }
    }
    // Remote polls count the vote here until their server's next Update says otherwise.
    count_votes(c, *poll, choices, !voted_before);
    if (!author->domain) store::mark_poll_counts_changed(c, poll->id, now);
    return PollView{*poll, viewer_of(c, *poll, account_id)};
  });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
  return view;
}

int send_poll_count_updates(store::Database& db, const federation::LocalUrls& urls,
                            const federation::EnqueueDelivery& enqueue, int64_t now) {
  auto changed = db.read([&](store::Connection& c) {
    return store::polls_with_unsent_counts(c, now - kPollCountsUpdateDelayMs, kCloseBatch);
  });
  int sent = 0;
  for (const auto& candidate : changed) {
    db.write([&](store::Connection& c) {
      store::clear_poll_counts_changed(c, candidate.id);
      auto poll = store::find_poll(c, candidate.id);
      auto status = poll ? store::find_status(c, poll->status_id) : std::nullopt;
      auto author = poll ? store::find_account(c, poll->account_id) : std::nullopt;
      if (!poll || !status || status->deleted_at || !author || !author->local() || !enqueue) return;
      auto inboxes = question_audience(c, *status, *poll);
      auto question = local_note(c, status->id, urls);
      if (inboxes.empty() || !question) return;
      enqueue(c, author->id, convert::as::update_question(*question, author->uri, now).dump(), inboxes, now);
      ++sent;
    });
  }
  return sent;
}

int close_ended_polls(store::Database& db, const federation::LocalUrls& urls, const federation::EnqueueDelivery& enqueue,
                      int64_t now) {
  auto waiting = db.read([&](store::Connection& c) { return store::polls_waiting_to_close(c, now, kCloseBatch); });
  int closed = 0;
  for (const auto& candidate : waiting) {
    db.write([&](store::Connection& c) {
      auto poll = store::find_poll(c, candidate.id);
      if (!poll || poll->closed_at || !ended(*poll, now)) return;  // edited or closed meanwhile
      store::mark_poll_closed(c, poll->id, now);
      ++closed;
      auto status = store::find_status(c, poll->status_id);
      auto author = store::find_account(c, poll->account_id);
      if (!status || status->deleted_at || !author) return;
      // Mastodon's PollExpirationNotifyWorker: the author (when local) and every local voter hear it ended.
      if (author->local()) {
        add_notification(c, {store::next_id(), author->id, author->id, "poll", status->id, now});
      }
      for (const auto& voter : store::find_accounts(c, store::poll_voter_ids(c, poll->id))) {
        if (voter.local() && voter.id != author->id) {
          add_notification(c, {store::next_id(), voter.id, author->id, "poll", status->id, now});
        }
      }
      if (!author->local() || !enqueue) return;
      auto inboxes = question_audience(c, *status, *poll);
      auto question = local_note(c, status->id, urls);
      if (inboxes.empty() || !question) return;
      enqueue(c, author->id, convert::as::update_question(*question, author->uri, now).dump(), inboxes, now);
    });
  }
  return closed;
}

std::optional<std::string> poll_options_snapshot(store::Connection& c, int64_t status_id) {
  auto poll = store::find_poll_by_status(c, status_id);
  if (!poll) return std::nullopt;
  return nlohmann::json(poll->options).dump();
}

}  // namespace vmst::services
