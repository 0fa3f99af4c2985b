#include "services/filters.hpp"

#include <catch2/catch.hpp>

#include "services/service_error.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;
using services::FilterChanges;
using services::KeywordChange;
using services::ServiceError;

namespace {

std::string invalid_message(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    if (e.kind() == ServiceError::Kind::Invalid) return e.what();
    return std::string("kind ") + std::to_string(static_cast<int>(e.kind()));
  }
  return "no error";
}

FilterChanges basic() {
  FilterChanges c;
  c.title = "t";
  c.context = std::vector<std::string>{"home", "public"};
  c.keywords = {{std::nullopt, "foo", false, false}, {std::nullopt, "bar", std::nullopt, false}};
  return c;
}

}  // namespace

TEST_CASE("a filter is created with its keywords, warn by default and whole_word by default", "[filters]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  auto filter = services::create_filter(f.db, alice, basic());
  CHECK(filter.action == "warn");
  CHECK_FALSE(filter.expires_at);
  REQUIRE(filter.keywords.size() == 2);
  CHECK(filter.keywords[0].keyword == "foo");
  CHECK_FALSE(filter.keywords[0].whole_word);
  CHECK(filter.keywords[1].whole_word);
}

TEST_CASE("filter validation gives Mastodon's messages and stores nothing", "[filters]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  FilterChanges c;
  CHECK(invalid_message([&] { services::create_filter(f.db, alice, c); }) ==
        "Validation failed: Title can't be blank, Context can't be blank, Context None or invalid context supplied");
  c = basic();
  c.context = std::vector<std::string>{"home", "everywhere"};
  CHECK(invalid_message([&] { services::create_filter(f.db, alice, c); }) ==
        "Validation failed: Context None or invalid context supplied");
  c = basic();
  c.action = "explode";
  CHECK(invalid_message([&] { services::create_filter(f.db, alice, c); }) ==
        "Validation failed: Filter action is not included in the list");
  c = basic();
  c.keywords.push_back({std::nullopt, " ", true, false});
  CHECK(invalid_message([&] { services::create_filter(f.db, alice, c); }) ==
        "Validation failed: Keywords keyword can't be blank");
  CHECK(services::list_filters(f.db, alice).empty());
  c = basic();
  c.keywords.push_back({123, "x", true, false});
  CHECK(invalid_message([&] { services::create_filter(f.db, alice, c); }) == "kind 1");  // NotFound
}

TEST_CASE("blur_media is read as blur, and expires_in sets an expiry that can be removed", "[filters]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  auto c = basic();
  c.action = "blur_media";
  c.expires_in_seconds = std::optional<int64_t>(3600);
  auto filter = services::create_filter(f.db, alice, c);
  CHECK(filter.action == "blur");
  REQUIRE(filter.expires_at);
  CHECK(*filter.expires_at > filter.created_at + 3500 * 1000);
  FilterChanges clear;
  clear.expires_in_seconds = std::optional<int64_t>();
  CHECK_FALSE(services::update_filter(f.db, alice, filter.id, clear).expires_at);
}

TEST_CASE("keywords_attributes change, remove and add keywords of the filter only", "[filters]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.local("bob");
  auto filter = services::create_filter(f.db, alice, basic());
  const int64_t foo = filter.keywords[0].id, bar = filter.keywords[1].id;
  FilterChanges u;
  u.keywords = {{foo, std::nullopt, std::nullopt, true}, {bar, "baz", std::nullopt, false},
                {std::nullopt, "new", true, false}};
  auto updated = services::update_filter(f.db, alice, filter.id, u);
  REQUIRE(updated.keywords.size() == 2);
  CHECK(updated.keywords[0].id == bar);
  CHECK(updated.keywords[0].keyword == "baz");
  CHECK(updated.keywords[1].keyword == "new");

  auto other = services::create_filter(f.db, bob, basic());
  FilterChanges foreign;
  foreign.keywords = {{other.keywords[0].id, "mine", std::nullopt, false}};
  CHECK(invalid_message([&] { services::update_filter(f.db, alice, filter.id, foreign); }) == "kind 1");
  CHECK(invalid_message([&] { services::get_filter(f.db, bob, filter.id); }) == "kind 1");
}

TEST_CASE("filter statuses must be visible and are added once", "[filters]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.local("bob");
  const int64_t status = f.post(bob, "<p>x</p>");
  const int64_t secret = f.post(bob, "<p>x</p>", {}, "private");
  auto filter = services::create_filter(f.db, alice, basic());
  auto added = services::add_filter_status(f.db, alice, filter.id, status);
  CHECK(added.status_id == status);
  CHECK(invalid_message([&] { services::add_filter_status(f.db, alice, filter.id, status); }) ==
        "Validation failed: Status has already been taken");
  CHECK(invalid_message([&] { services::add_filter_status(f.db, alice, filter.id, secret); }) == "kind 1");
  CHECK(services::filter_statuses(f.db, alice, filter.id).size() == 1);
  services::delete_filter_status(f.db, alice, added.id);
  CHECK(services::filter_statuses(f.db, alice, filter.id).empty());
}
