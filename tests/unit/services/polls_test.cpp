#include "services/polls.hpp"

#include <catch2/catch.hpp>

#include "services/service_error.hpp"

using vmst::services::PollInput;
using vmst::services::ServiceError;
using vmst::services::validate_poll_input;

namespace {
std::string error_of(const PollInput& input) {
  try {
    validate_poll_input(input);
  } catch (const ServiceError& e) {
    CHECK(e.kind() == ServiceError::Kind::Invalid);
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("a poll within Mastodon's limits is accepted", "[services][polls]") {
  CHECK(error_of({{"a", "b"}, 300, false, false}).empty());
  CHECK(error_of({{"a", "b", "c", "d"}, 2'629'746, true, true}).empty());
  CHECK(error_of({{"a", std::string(50, 'x')}, 3600, false, false}).empty());
}

TEST_CASE("poll validation answers with Mastodon's messages", "[services][polls]") {
  CHECK(error_of({{"a"}, 300, false, false}) == "Validation failed: Poll options must have more than one item");
  CHECK(error_of({{"a", "b", "c", "d", "e"}, 300, false, false}) ==
        "Validation failed: Poll options can't contain more than 4 items");
  CHECK(error_of({{"a", std::string(51, 'x')}, 300, false, false}) ==
        "Validation failed: Poll options cannot be longer than 50 characters each");
  CHECK(error_of({{"a", "a"}, 300, false, false}) == "Validation failed: Poll options contains duplicate items");
  CHECK(error_of({{"a", "b"}, 299, false, false}) == "Validation failed: Poll expires at is too soon");
  CHECK(error_of({{"a", "b"}, 2'629'747, false, false}) ==
        "Validation failed: Poll expires at is too far into the future");
  CHECK(error_of({{"a", "b"}, std::nullopt, false, false}) ==
        "Validation failed: Poll expires at is too far into the future");
}

TEST_CASE("every broken poll rule is listed, as Rails lists them", "[services][polls]") {
  CHECK(error_of({{"a"}, 10, false, false}) ==
        "Validation failed: Poll options must have more than one item, Poll expires at is too soon");
}

TEST_CASE("option length counts characters, not bytes", "[services][polls]") {
  std::string fifty_accented;
  for (int i = 0; i < 50; ++i) fifty_accented += "\xC3\xA9";  // é
  CHECK(error_of({{"a", fifty_accented}, 300, false, false}).empty());
}

// ---- votes and the end of a poll, on a real database ----------------------------------------------------------

#include "store/notification_store.hpp"
#include "store/poll_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"
#include "time/timestamps.hpp"

namespace {

struct PollFixture : vmst::testing::SocialFixture {
  vmst::store::AccountRecord alice = local("alice");
  vmst::store::AccountRecord bob = local("bob");
  vmst::store::AccountRecord fran = remote("fran");

  vmst::services::PostingContext posting() {
    return vmst::services::PostingContext{db, urls, "vmst.test", nullptr, enqueue, {}};
  }

  vmst::store::PollRecord post_poll(bool multiple = false) {
    auto ctx = posting();
    vmst::services::NewStatus request;
    request.account_id = alice.id;
    request.text = "which one?";
    request.poll = PollInput{{"tea", "coffee"}, 3600, multiple, false};
    int64_t status_id = vmst::services::post_status(ctx, request);
    return *db.read([&](vmst::store::Connection& c) { return vmst::store::find_poll_by_status(c, status_id); });
  }

  std::string status_uri(const vmst::store::PollRecord& poll) {
    return db.read([&](vmst::store::Connection& c) { return vmst::store::find_status(c, poll.status_id)->uri; });
  }

  bool remote_vote(const std::string& vote_uri, const std::string& option, const std::string& question_uri) {
    vmst::convert::as::RemoteNote note;
    note.uri = vote_uri;
    note.attributed_to = fran.uri;
    note.name = option;
    note.in_reply_to = question_uri;
    return db.write([&](vmst::store::Connection& c) {
      return vmst::services::record_remote_vote(c, fran, note, vmst::now_millis());
    });
  }

  vmst::store::PollRecord reload_poll(int64_t id) {
    return *db.read([&](vmst::store::Connection& c) { return vmst::store::find_poll(c, id); });
  }

  std::vector<vmst::store::NotificationRow> poll_notifications(int64_t account) {
    auto all = db.read([&](vmst::store::Connection& c) { return vmst::store::notifications_for(c, account, 40); });
    std::vector<vmst::store::NotificationRow> out;
    for (auto& n : all)
      if (n.type == "poll") out.push_back(n);
    return out;
  }
};

}  // namespace

TEST_CASE("a remote vote on a local poll is counted once and never from the author", "[services][polls]") {
  PollFixture f;
  auto poll = f.post_poll();
  const auto question = f.status_uri(poll);
  CHECK(f.remote_vote(f.fran.uri + "#votes/1", "coffee", question));
  auto counted = f.reload_poll(poll.id);
  CHECK(counted.votes_counts == std::vector<int64_t>{0, 1});
  CHECK(counted.voters_count == 1);
  // The same vote again, or a second vote on a single-choice poll: handled (not a status), not counted.
  CHECK(f.remote_vote(f.fran.uri + "#votes/1", "coffee", question));
  CHECK(f.remote_vote(f.fran.uri + "#votes/2", "tea", question));
  CHECK(f.reload_poll(poll.id).votes_count == 1);
  // A reply named after no option, or to something that is no poll, is no vote.
  CHECK_FALSE(f.remote_vote(f.fran.uri + "#votes/3", "juice", question));
  CHECK_FALSE(f.remote_vote(f.fran.uri + "#votes/4", "tea", "https://remote.example/notes/9"));
}

TEST_CASE("an ended poll notifies the author and local voters once and sends the final Update", "[services][polls]") {
  PollFixture f;
  auto poll = f.post_poll();
  auto ctx = f.posting();
  vmst::services::vote_on_poll(ctx, f.bob.id, poll.id, {0});
  CHECK(f.remote_vote(f.fran.uri + "#votes/1", "coffee", f.status_uri(poll)));
  f.delivered.clear();
  const int64_t now = vmst::now_millis();
  CHECK(vmst::services::close_ended_polls(f.db, f.urls, f.enqueue, now) == 0);  // still running
  f.db.write([&](vmst::store::Connection& c) { vmst::store::update_local_poll_settings(c, poll.id, false, now - 1); });
  CHECK(vmst::services::close_ended_polls(f.db, f.urls, f.enqueue, now) == 1);
  CHECK(f.poll_notifications(f.alice.id).size() == 1);
  REQUIRE(f.poll_notifications(f.bob.id).size() == 1);
  CHECK(f.poll_notifications(f.bob.id)[0].from_account_id == f.alice.id);
  REQUIRE(f.delivered.size() == 1);
  const auto& update = f.delivered[0].activity;
  CHECK(update["type"] == "Update");
  CHECK(update["object"]["type"] == "Question");
  CHECK(update["object"].contains("closed"));
  CHECK(update["object"]["votersCount"] == 2);
  // The remote voter (no follower here) hears of it through its server's shared inbox.
  CHECK(f.delivered[0].inboxes == std::vector<std::string>{f.fran.shared_inbox_url});
  // Closed once.
  CHECK(vmst::services::close_ended_polls(f.db, f.urls, f.enqueue, now + 5000) == 0);
  CHECK(f.poll_notifications(f.bob.id).size() == 1);
}

TEST_CASE("votes on a local poll reach other servers as one Update after a pause", "[services][polls]") {
  PollFixture f;
  auto poll = f.post_poll(true);
  auto ctx = f.posting();
  vmst::services::vote_on_poll(ctx, f.bob.id, poll.id, {0, 1});
  CHECK(f.remote_vote(f.fran.uri + "#votes/1", "tea", f.status_uri(poll)));
  f.delivered.clear();
  const int64_t now = vmst::now_millis();
  CHECK(vmst::services::send_poll_count_updates(f.db, f.urls, f.enqueue, now) == 0);  // still gathering
  const int64_t later = now + vmst::services::kPollCountsUpdateDelayMs + 1000;
  CHECK(vmst::services::send_poll_count_updates(f.db, f.urls, f.enqueue, later) == 1);
  REQUIRE(f.delivered.size() == 1);
  const auto& question = f.delivered[0].activity["object"];
  CHECK(f.delivered[0].activity["type"] == "Update");
  CHECK(question["anyOf"][0]["replies"]["totalItems"] == 2);
  CHECK(question["anyOf"][1]["replies"]["totalItems"] == 1);
  CHECK(question["votersCount"] == 2);
  CHECK_FALSE(question.contains("closed"));
  CHECK(vmst::services::send_poll_count_updates(f.db, f.urls, f.enqueue, later) == 0);  // sent once
}
