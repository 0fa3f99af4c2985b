#include "services/timelines.hpp"

#include <catch2/catch.hpp>

#include "convert/mastodon/status.hpp"
#include "services/filters.hpp"
#include "services/service_error.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;

namespace {

struct World {
  testing::TimelineFixture f;
  federation::LocalUrls urls{"https://vmst.test"};
  int64_t alice = f.local("alice");
  int64_t bob = f.local("bob");

  int64_t filter(const std::string& action, const std::string& keyword, std::vector<std::string> context = {"home"}) {
    services::FilterChanges c;
    c.title = action + " " + keyword;
    c.context = std::move(context);
    c.action = action;
    c.keywords = {{std::nullopt, keyword, true, false}};
    return services::create_filter(f.db, alice, c).id;
  }
};

const store::IdPage kNewest{std::nullopt, std::nullopt, std::nullopt, 3};

}  // namespace

TEST_CASE("a hide filter removes statuses from home and the page is filled from older ones", "[timelines]") {
  World w;
  const int64_t a = w.f.post(w.bob, "<p>one</p>", {w.alice});
  const int64_t b = w.f.post(w.bob, "<p>two</p>", {w.alice});
  w.f.post(w.bob, "<p>spoilers ahead</p>", {w.alice});
  const int64_t d = w.f.post(w.bob, "<p>four</p>", {w.alice});
  w.f.post(w.bob, "<p>more Spoilers</p>", {w.alice});
  w.filter("hide", "spoilers");
  auto page = services::home_timeline(w.f.db, w.alice, kNewest);
  CHECK(page.ids == std::vector<int64_t>{d, b, a});
}

TEST_CASE("a hidden reblog is matched on what it reblogs", "[timelines]") {
  World w;
  const int64_t carol = w.f.local("carol");
  const int64_t original = w.f.post(carol, "<p>spoilers</p>");
  w.f.reblog(w.bob, original, {w.alice});
  const int64_t kept = w.f.post(w.bob, "<p>fine</p>", {w.alice});
  w.filter("hide", "spoilers");
  CHECK(services::home_timeline(w.f.db, w.alice, kNewest).ids == std::vector<int64_t>{kept});
}

TEST_CASE("a warn filter keeps the status and renders a FilterResult in `filtered`", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.bob, "<p>Spoilers for the film</p>", {w.alice});
  const int64_t boost = w.f.reblog(w.bob, id, {w.alice});
  const int64_t filter_id = w.filter("warn", "spoilers");
  auto page = services::home_timeline(w.f.db, w.alice, kNewest);
  REQUIRE(page.ids == std::vector<int64_t>{boost, id});
  auto json = convert::mastodon::status_json(page.bundle, id, w.urls);
  REQUIRE(json["filtered"].size() == 1);
  const auto& result = json["filtered"][0];
  CHECK(result["filter"]["id"] == std::to_string(filter_id));
  CHECK(result["filter"]["filter_action"] == "warn");
  CHECK_FALSE(result["filter"].contains("keywords"));
  CHECK(result["keyword_matches"] == nlohmann::json::array({"Spoilers"}));
  CHECK(result["status_matches"].is_null());
  // The wrapper and the status inside it both carry the result.
  auto wrapper = convert::mastodon::status_json(page.bundle, boost, w.urls);
  CHECK(wrapper["filtered"].size() == 1);
  CHECK(wrapper["reblog"]["filtered"].size() == 1);
}

TEST_CASE("a hide filter of another context stays in `filtered` for the client to weigh", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.bob, "<p>spoilers</p>", {w.alice});
  w.filter("hide", "spoilers", {"public", "thread"});
  auto page = services::home_timeline(w.f.db, w.alice, kNewest);
  REQUIRE(page.ids == std::vector<int64_t>{id});
  auto json = convert::mastodon::status_json(page.bundle, id, w.urls);
  REQUIRE(json["filtered"].size() == 1);
  CHECK(json["filtered"][0]["filter"]["context"] == nlohmann::json::array({"public", "thread"}));
  // The public timeline is that filter's context: there the status goes.
  CHECK(services::public_timeline(w.f.db, w.alice, {}, kNewest).ids.empty());
  CHECK(services::public_timeline(w.f.db, std::nullopt, {}, kNewest).ids == std::vector<int64_t>{id});
}

TEST_CASE("an expired filter no longer applies", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.bob, "<p>spoilers</p>", {w.alice});
  w.filter("hide", "spoilers");
  w.f.sql("UPDATE filters SET expires_at = 1");
  CHECK(services::home_timeline(w.f.db, w.alice, kNewest).ids == std::vector<int64_t>{id});
}

TEST_CASE("statuses without filters render an empty `filtered` for a signed-in reader", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.bob, "<p>hello</p>", {w.alice});
  auto page = services::home_timeline(w.f.db, w.alice, kNewest);
  CHECK(convert::mastodon::status_json(page.bundle, id, w.urls)["filtered"] == nlohmann::json::array());
}

TEST_CASE("a list timeline of someone else's list is not found", "[timelines]") {
  World w;
  w.f.sql("INSERT INTO lists (id, account_id, title, created_at) VALUES (9, " + std::to_string(w.bob) + ", 'b', 0)");
  CHECK_THROWS_AS(services::list_timeline(w.f.db, w.alice, 9, kNewest), services::ServiceError);
}

TEST_CASE("a tag timeline with an unknown all[] tag is empty", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.alice, "<p>#cats</p>");
  w.f.db.write([&](store::Connection& c) { store::link_status_tag(c, id, store::upsert_tag(c, store::next_id(), "cats", "cats", 1)); });
  services::TagTimelineOptions options;
  options.tag = "#Cats";
  CHECK(services::tag_timeline(w.f.db, std::nullopt, options, kNewest).ids == std::vector<int64_t>{id});
  options.all = {"unknown"};
  CHECK(services::tag_timeline(w.f.db, std::nullopt, options, kNewest).ids.empty());
}

TEST_CASE("a tag is looked up by the name posting stores, whatever case, width or accents", "[timelines]") {
  World w;
  const int64_t id = w.f.post(w.alice, "<p>#cafe</p>");
  w.f.db.write([&](store::Connection& c) { store::link_status_tag(c, id, store::upsert_tag(c, store::next_id(), "cafe", "Café", 1)); });
  for (const std::string name : {"Café", "CAFE", "ｃａｆｅ"}) {
    services::TagTimelineOptions options;
    options.tag = name;
    CHECK(services::tag_timeline(w.f.db, std::nullopt, options, kNewest).ids == std::vector<int64_t>{id});
  }
}
