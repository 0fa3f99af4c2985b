#include "convert/activitystreams/question.hpp"

#include <catch2/catch.hpp>

#include "convert/activitystreams/remote_note.hpp"

using namespace vmst::convert::as;
using vmst::store::PollRecord;

namespace {
PollRecord sample_poll(bool multiple) {
  PollRecord p;
  p.id = 42;
  p.options = {"tea", "coffee"};
  p.votes_counts = {3, 1};
  p.votes_count = 4;
  p.voters_count = 3;
  p.multiple = multiple;
  p.expires_at = 1'795'786'025'000;  // 2026-11-27T13:27:05Z
  return p;
}
}  // namespace

TEST_CASE("a poll turns a Note into a Question with oneOf or anyOf", "[convert][question]") {
  nlohmann::json note = {{"id", "https://here.example/users/alice/statuses/1"}, {"type", "Note"}};
  add_question_fields(note, sample_poll(false), 0);
  CHECK(note["type"] == "Question");
  CHECK(note["oneOf"] == nlohmann::json::parse(R"([
    {"type":"Note","name":"tea","replies":{"type":"Collection","totalItems":3}},
    {"type":"Note","name":"coffee","replies":{"type":"Collection","totalItems":1}}])"));
  CHECK_FALSE(note.contains("anyOf"));
  CHECK(note["endTime"] == "2026-11-27T13:27:05Z");
  CHECK_FALSE(note.contains("closed"));
  CHECK(note["votersCount"] == 3);

  nlohmann::json multiple = {{"type", "Note"}};
  add_question_fields(multiple, sample_poll(true), 1'795'786'025'000);
  CHECK(multiple.contains("anyOf"));
  CHECK(multiple["closed"] == "2026-11-27T13:27:05Z");
}

TEST_CASE("a vote is a Create of a Note named after the option, to the poll's author only", "[convert][question]") {
  vmst::store::AccountRecord voter;
  voter.uri = "https://here.example/users/alice";
  auto create = vote_create(voter, 9, "https://remote.example/questions/1", "https://remote.example/users/fran",
                            "tea", 0);
  CHECK(create["type"] == "Create");
  CHECK(create["id"] == "https://here.example/users/alice#votes/9/activity");
  CHECK(create["to"] == nlohmann::json::array({"https://remote.example/users/fran"}));
  const auto& note = create["object"];
  CHECK(note["type"] == "Note");
  CHECK(note["name"] == "tea");
  CHECK(note["inReplyTo"] == "https://remote.example/questions/1");
  CHECK(note["attributedTo"] == voter.uri);
  CHECK_FALSE(note.contains("content"));
}

TEST_CASE("a remote Question is read with its options, counts and end", "[convert][question]") {
  nlohmann::json question = {{"id", "https://remote.example/questions/1"},
                             {"type", "Question"},
                             {"attributedTo", "https://remote.example/users/fran"},
                             {"content", "<p>which?</p>"},
                             {"endTime", "2026-11-27T13:27:05Z"},
                             {"votersCount", 5},
                             {"anyOf",
                              {{{"type", "Note"}, {"name", "a"}, {"replies", {{"type", "Collection"}, {"totalItems", 4}}}},
                               {{"type", "Note"}, {"name", "b"}}}}};
  auto note = parse_remote_note(question);
  REQUIRE(note);
  REQUIRE(note->poll);
  CHECK(note->poll->options == std::vector<std::string>{"a", "b"});
  CHECK(note->poll->votes_counts == std::vector<int64_t>{4, 0});
  CHECK(note->poll->multiple);
  CHECK(note->poll->expires_at == 1'795'786'025'000);
  CHECK(note->poll->voters_count == 5);
}

TEST_CASE("a Question without options has no poll; a closed one ends at `closed`", "[convert][question]") {
  CHECK_FALSE(parse_question_poll({{"type", "Question"}, {"oneOf", nlohmann::json::array()}}));
  auto closed = parse_question_poll(
      {{"oneOf", {{"type", "Note"}, {"name", "only"}}}, {"closed", "2026-11-27T13:27:05Z"}});
  REQUIRE(closed);
  CHECK(closed->options == std::vector<std::string>{"only"});
  CHECK_FALSE(closed->multiple);
  CHECK(closed->expires_at == 1'795'786'025'000);
  CHECK_FALSE(closed->voters_count);
}

TEST_CASE("a Note's name is kept for recognising votes", "[convert][question]") {
  auto vote = parse_remote_note({{"id", "https://remote.example/users/fran#votes/1"},
                                 {"type", "Note"},
                                 {"attributedTo", "https://remote.example/users/fran"},
                                 {"name", "tea"},
                                 {"inReplyTo", "https://here.example/users/alice/statuses/1"}});
  REQUIRE(vote);
  CHECK(vote->name == "tea");
  CHECK(vote->content.empty());
  CHECK_FALSE(vote->poll);
}
