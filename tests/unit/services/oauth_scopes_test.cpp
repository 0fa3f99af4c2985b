#include "services/oauth_scopes.hpp"

#include <catch2/catch.hpp>

using namespace vmst::services;
using Scopes = std::vector<std::string>;

TEST_CASE("scopes parse from space-separated text, unknown ones refused", "[oauth][scopes]") {
  CHECK(parse_scopes("read write follow push") == Scopes{"read", "write", "follow", "push"});
  CHECK(parse_scopes("  read   read:statuses ") == Scopes{"read", "read:statuses"});
  CHECK(parse_scopes("read read") == Scopes{"read"});
  CHECK(parse_scopes("admin:read:accounts profile crypto") == Scopes{"admin:read:accounts", "profile", "crypto"});
  CHECK_FALSE(parse_scopes("read bogus").has_value());
  CHECK_FALSE(parse_scopes("read:nothing").has_value());
  CHECK_FALSE(parse_scopes("READ").has_value());
}

TEST_CASE("an empty scope string falls back to the default", "[oauth][scopes]") {
  CHECK(parse_scopes("") == Scopes{"read"});
  CHECK(parse_scopes("   ", "write") == Scopes{"write"});
  CHECK(parse_scopes("", "") == Scopes{});
}

TEST_CASE("join_scopes writes them back space separated", "[oauth][scopes]") {
  CHECK(join_scopes({"read", "write:media"}) == "read write:media");
  CHECK(join_scopes({}) == "");
}

TEST_CASE("umbrella scopes cover their granular parts", "[oauth][scopes]") {
  CHECK(scopes_allow({"read"}, "read:statuses"));
  CHECK(scopes_allow({"read"}, "read"));
  CHECK(scopes_allow({"write"}, "write:media"));
  CHECK_FALSE(scopes_allow({"read"}, "write:statuses"));
  CHECK_FALSE(scopes_allow({"read:statuses"}, "read"));
  CHECK_FALSE(scopes_allow({"read:statuses"}, "read:accounts"));
  CHECK(scopes_allow({"read:statuses"}, "read:statuses"));
  CHECK(scopes_allow({"admin:read"}, "admin:read:accounts"));
  CHECK_FALSE(scopes_allow({"admin:read"}, "admin:write:accounts"));
  // "read" must not cover a scope that merely starts with the same letters.
  CHECK_FALSE(scopes_allow({"read"}, "readx"));
  CHECK_FALSE(scopes_allow({}, "read"));
}

TEST_CASE("the legacy follow scope covers follows, blocks and mutes only", "[oauth][scopes]") {
  for (const char* scope : {"read:follows", "write:follows", "read:blocks", "write:blocks", "read:mutes", "write:mutes"}) {
    CHECK(scopes_allow({"follow"}, scope));
  }
  CHECK_FALSE(scopes_allow({"follow"}, "write:statuses"));
  CHECK_FALSE(scopes_allow({"follow"}, "read:accounts"));
  CHECK(scopes_allow({"follow"}, "follow"));
}

TEST_CASE("requested scopes must lie within the registered ones", "[oauth][scopes]") {
  const Scopes registered{"read", "write", "follow"};
  CHECK(scopes_within({"read"}, registered));
  CHECK(scopes_within({"read:statuses", "write:media"}, registered));
  CHECK(scopes_within({"read", "write", "follow"}, registered));
  CHECK_FALSE(scopes_within({"push"}, registered));
  CHECK_FALSE(scopes_within({"read", "admin:read"}, registered));
  CHECK(scopes_within({}, registered));
  CHECK_FALSE(scopes_within({"read"}, {"read:statuses"}));
}

TEST_CASE("every listed scope parses", "[oauth][scopes]") {
  for (const auto& scope : all_known_scopes()) {
    INFO(scope);
    CHECK(parse_scopes(scope) == Scopes{scope});
  }
}
