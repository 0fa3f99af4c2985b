#include "convert/mastodon/poll.hpp"

#include <catch2/catch.hpp>

using vmst::convert::mastodon::poll_json;
using vmst::convert::mastodon::PollViewer;
using vmst::store::PollRecord;

namespace {
PollRecord sample_poll() {
  PollRecord p;
  p.id = 42;
  p.status_id = 7;
  p.account_id = 1;
  p.options = {"tea", "coffee"};
  p.votes_counts = {3, 1};
  p.votes_count = 4;
  p.voters_count = 4;
  p.expires_at = 2'000'000;
  return p;
}
}  // namespace

TEST_CASE("a running poll renders Mastodon's Poll with the viewer's votes", "[convert][poll]") {
  auto json = poll_json(sample_poll(), PollViewer{5, {1}}, 1'000'000);
  CHECK(json["id"] == "42");
  CHECK(json["expired"] == false);
  CHECK(json["expires_at"] == "1970-01-01T00:33:20.000Z");
  CHECK(json["multiple"] == false);
  CHECK(json["votes_count"] == 4);
  CHECK(json["voters_count"] == 4);
  CHECK(json["options"] == nlohmann::json::parse(R"([{"title":"tea","votes_count":3},{"title":"coffee","votes_count":1}])"));
  CHECK(json["emojis"] == nlohmann::json::array());
  CHECK(json["voted"] == true);
  CHECK(json["own_votes"] == nlohmann::json::array({1}));
}

TEST_CASE("anonymous viewers get no voted or own_votes; the author counts as having voted", "[convert][poll]") {
  auto anonymous = poll_json(sample_poll(), std::nullopt, 1'000'000);
  CHECK_FALSE(anonymous.contains("voted"));
  CHECK_FALSE(anonymous.contains("own_votes"));
  auto author = poll_json(sample_poll(), PollViewer{1, {}}, 1'000'000);
  CHECK(author["voted"] == true);
  CHECK(author["own_votes"] == nlohmann::json::array());
  auto stranger = poll_json(sample_poll(), PollViewer{9, {}}, 1'000'000);
  CHECK(stranger["voted"] == false);
}

TEST_CASE("hide_totals hides option counts until the poll ends", "[convert][poll]") {
  auto poll = sample_poll();
  poll.hide_totals = true;
  auto running = poll_json(poll, std::nullopt, 1'000'000);
  CHECK(running["options"][0]["votes_count"].is_null());
  CHECK(running["votes_count"] == 4);
  auto ended = poll_json(poll, std::nullopt, 2'000'000);
  CHECK(ended["expired"] == true);
  CHECK(ended["options"][0]["votes_count"] == 3);
}

TEST_CASE("a remote poll without a voter count renders voters_count null", "[convert][poll]") {
  auto poll = sample_poll();
  poll.voters_count.reset();
  poll.multiple = true;
  CHECK(poll_json(poll, std::nullopt, 0)["voters_count"].is_null());
}
