#include "http/request_params.hpp"

#include <catch2/catch.hpp>

using namespace vmst;

namespace {

httplib::Request form_request(const std::string& target, const std::string& body) {
  httplib::Request req;
  req.method = "POST";
  req.target = target;
  req.body = body;
  req.set_header("Content-Type", "application/x-www-form-urlencoded");
  return req;
}

}  // namespace

TEST_CASE("repeated nested form fields keep the order the client sent", "[http]") {
  // cpp-httplib's own params are sorted by key, which would pair both whole_word values with the last keyword.
  auto req = form_request("/api/v2/filters",
                          "title=t&keywords_attributes%5B%5D%5Bkeyword%5D=foo&keywords_attributes[][whole_word]=false"
                          "&keywords_attributes[][keyword]=bar+baz&keywords_attributes[][whole_word]=true");
  auto params = http::RequestParams::from(req);
  auto keywords = params.objects("keywords_attributes");
  REQUIRE(keywords.size() == 2);
  CHECK(keywords[0]["keyword"] == "foo");
  CHECK(keywords[0]["whole_word"] == "false");
  CHECK(keywords[1]["keyword"] == "bar baz");
  CHECK(keywords[1]["whole_word"] == "true");
  CHECK(params.string("title") == std::optional<std::string>("t"));
}

TEST_CASE("query fields are read from the target in order and decoded", "[http]") {
  httplib::Request req;
  req.method = "GET";
  req.target = "/api/v1/markers?timeline[]=notifications&timeline%5B%5D=home&q=a%2Bb+c&bad=%zz";
  auto params = http::RequestParams::from(req);
  CHECK(params.strings("timeline") == std::vector<std::string>{"notifications", "home"});
  CHECK(params.string("q") == std::optional<std::string>("a+b c"));
  CHECK(params.string("bad") == std::optional<std::string>("%zz"));
}

TEST_CASE("a request without a raw target falls back to cpp-httplib's params", "[http]") {
  httplib::Request req;
  req.params.emplace("limit", "5");
  CHECK(http::RequestParams::from(req).string("limit") == std::optional<std::string>("5"));
}
