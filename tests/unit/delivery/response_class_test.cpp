#include "delivery/response_class.hpp"

#include <catch2/catch.hpp>

using namespace vmst::delivery;

TEST_CASE("any 2xx answer counts as delivered", "[delivery][response]") {
  for (int status : {200, 201, 202, 204, 299}) CHECK(classify_status(status) == ResponseClass::Delivered);
}

TEST_CASE("410 means the target actor is gone", "[delivery][response]") { CHECK(classify_status(410) == ResponseClass::Gone); }

TEST_CASE("4xx other than 401, 408 and 429, and 501, are permanent failures", "[delivery][response]") {
  for (int status : {400, 403, 404, 405, 413, 422, 451, 499, 501}) {
    INFO(status);
    CHECK(classify_status(status) == ResponseClass::Rejected);
  }
}

TEST_CASE("401, 408, 429, other 5xx, 1xx and 3xx are retried", "[delivery][response]") {
  for (int status : {401, 408, 429, 500, 502, 503, 504, 599, 100, 301, 302, 307, 308}) {
    INFO(status);
    CHECK(classify_status(status) == ResponseClass::Retry);
  }
}

TEST_CASE("a permanent 4xx still shows the host alive; a retryable answer does not", "[delivery][response]") {
  CHECK(host_answered_sanely(ResponseClass::Delivered));
  CHECK(host_answered_sanely(ResponseClass::Rejected));
  CHECK(host_answered_sanely(ResponseClass::Gone));
  CHECK_FALSE(host_answered_sanely(ResponseClass::Retry));
}

TEST_CASE("status classes name the counters", "[delivery][response]") {
  CHECK(status_class_name(202) == "2xx");
  CHECK(status_class_name(410) == "4xx");
  CHECK(status_class_name(503) == "5xx");
  CHECK(status_class_name(0) == "network");
  CHECK(status_class_name(999) == "other");
}
