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
