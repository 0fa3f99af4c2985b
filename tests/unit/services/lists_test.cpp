#include "services/lists.hpp"

#include <catch2/catch.hpp>

#include "services/service_error.hpp"
#include "support/timeline_fixture.hpp"

using namespace vmst;
using services::ServiceError;

namespace {

ServiceError::Kind kind_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.kind();
  }
  FAIL("expected a ServiceError");
  return ServiceError::Kind::Unavailable;
}

}  // namespace

TEST_CASE("lists are created, changed and deleted by their owner only", "[lists]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.local("bob");
  auto list = services::create_list(f.db, alice, {"friends", std::nullopt, std::nullopt});
  CHECK(list.replies_policy == "list");
  CHECK_FALSE(list.exclusive);
  auto changed = services::update_list(f.db, alice, list.id, {std::nullopt, "followed", true});
  CHECK(changed.title == "friends");
  CHECK(changed.replies_policy == "followed");
  CHECK(changed.exclusive);
  CHECK(kind_of([&] { services::get_list(f.db, bob, list.id); }) == ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::delete_list(f.db, bob, list.id); }) == ServiceError::Kind::NotFound);
  services::delete_list(f.db, alice, list.id);
  CHECK(services::lists_of(f.db, alice).empty());
}

TEST_CASE("a list needs a title and a known replies policy", "[lists]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  try {
    services::create_list(f.db, alice, {" ", "everyone", std::nullopt});
    FAIL("expected Invalid");
  } catch (const ServiceError& e) {
    CHECK(e.kind() == ServiceError::Kind::Invalid);
    CHECK(std::string(e.what()) ==
          "Validation failed: Title can't be blank, Replies policy is not included in the list");
  }
}

TEST_CASE("only followed accounts (or the owner) can be added to a list, each once", "[lists]") {
  testing::TimelineFixture f;
  const int64_t alice = f.local("alice");
  const int64_t bob = f.local("bob");
  const int64_t carol = f.local("carol");
  f.follow(alice, bob);
  auto list = services::create_list(f.db, alice, {"l", std::nullopt, std::nullopt});
  CHECK(kind_of([&] { services::add_list_members(f.db, alice, list.id, {bob, carol}); }) ==
        ServiceError::Kind::NotFound);
  CHECK(services::list_members(f.db, alice, list.id, std::nullopt).empty());  // all or nothing
  services::add_list_members(f.db, alice, list.id, {bob, alice});
  CHECK(kind_of([&] { services::add_list_members(f.db, alice, list.id, {bob}); }) == ServiceError::Kind::Invalid);
  CHECK(kind_of([&] { services::add_list_members(f.db, alice, list.id, {999}); }) == ServiceError::Kind::NotFound);
  auto members = services::list_members(f.db, alice, list.id, std::nullopt);
  REQUIRE(members.size() == 2);
  CHECK(members[0].id > members[1].id);
  auto first = services::list_members(f.db, alice, list.id, store::IdPage{std::nullopt, std::nullopt, std::nullopt, 1});
  REQUIRE(first.size() == 1);
  CHECK(first[0].id == members[0].id);
  services::remove_list_members(f.db, alice, list.id, {bob});
  CHECK(services::list_members(f.db, alice, list.id, std::nullopt).size() == 1);
}
