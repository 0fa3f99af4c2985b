#include "http/request_params.hpp"

#include <catch2/catch.hpp>

#include "http/error_responses.hpp"

using namespace vmst;
using namespace vmst::http;
using Strings = std::vector<std::string>;

namespace {
RequestParams form(std::initializer_list<std::pair<const char*, const char*>> fields) {
  RequestParams params;
  for (const auto& [key, value] : fields) params.add_field(key, value);
  return params;
}
}  // namespace

TEST_CASE("array fields collect in order", "[request_params]") {
  auto params = form({{"media_ids[]", "1"}, {"media_ids[]", "2"}, {"status", "hi"}});
  CHECK(params.strings("media_ids") == Strings{"1", "2"});
  CHECK(params.string("status") == "hi");
  CHECK(params.strings("status") == Strings{"hi"});
  CHECK(params.strings("missing").empty());
}

TEST_CASE("nested brackets build nested objects", "[request_params]") {
  auto params = form({{"poll[options][]", "yes"}, {"poll[options][]", "no"}, {"poll[expires_in]", "3600"},
                      {"poll[multiple]", "true"}});
  const auto* poll = params.object("poll");
  REQUIRE(poll != nullptr);
  CHECK((*poll)["options"] == nlohmann::json::array({"yes", "no"}));
  CHECK((*poll)["expires_in"] == "3600");
  CHECK(params.object("missing") == nullptr);
}

TEST_CASE("indexed attributes come back in index order", "[request_params]") {
  auto params = form({{"fields_attributes[1][name]", "second"}, {"fields_attributes[1][value]", "b"},
                      {"fields_attributes[0][name]", "first"}, {"fields_attributes[0][value]", "a"},
                      {"fields_attributes[10][name]", "eleventh"}});
  auto fields = params.objects("fields_attributes");
  REQUIRE(fields.size() == 3);
  CHECK(fields[0]["name"] == "first");
  CHECK(fields[0]["value"] == "a");
  CHECK(fields[1]["name"] == "second");
  CHECK(fields[2]["name"] == "eleventh");
}

TEST_CASE("empty brackets before a name start a new element when the name repeats", "[request_params]") {
  auto params = form({{"media_attributes[][id]", "1"}, {"media_attributes[][description]", "one"},
                      {"media_attributes[][id]", "2"}, {"media_attributes[][description]", "two"}});
  auto items = params.objects("media_attributes");
  REQUIRE(items.size() == 2);
  CHECK(items[0]["id"] == "1");
  CHECK(items[0]["description"] == "one");
  CHECK(items[1]["id"] == "2");
  CHECK(items[1]["description"] == "two");
}

TEST_CASE("booleans read the way Rails reads them", "[request_params]") {
  auto params = form({{"a", "True"}, {"b", "False"}, {"c", "0"}, {"d", "1"}, {"e", "on"}, {"f", "off"}, {"g", ""},
                      {"h", "yes"}, {"i", "f"}});
  CHECK(params.boolean("a") == true);
  CHECK(params.boolean("b") == false);
  CHECK(params.boolean("c") == false);
  CHECK(params.boolean("d") == true);
  CHECK(params.boolean("e") == true);
  CHECK(params.boolean("f") == false);
  CHECK_FALSE(params.boolean("g").has_value());
  CHECK(params.boolean("h") == true);
  CHECK(params.boolean("i") == false);
  CHECK_FALSE(params.boolean("missing").has_value());
  CHECK(params.flag("missing", true));
  CHECK_FALSE(params.flag("g", false));
}

TEST_CASE("integers parse or fail with 400 naming the key", "[request_params]") {
  auto params = form({{"limit", "40"}, {"bad", "4x"}, {"empty", ""}});
  CHECK(params.integer("limit") == 40);
  CHECK_FALSE(params.integer("empty").has_value());
  CHECK_FALSE(params.integer("missing").has_value());
  try {
    params.integer("bad");
    FAIL("expected an HttpError");
  } catch (const HttpError& e) {
    CHECK(e.status() == 400);
    CHECK(std::string(e.what()).find("bad") != std::string::npos);
  }
}

TEST_CASE("a JSON body merges over query parameters", "[request_params]") {
  httplib::Request req;
  req.params.emplace("limit", "5");
  req.params.emplace("status", "from query");
  req.headers.emplace("Content-Type", "application/json; charset=utf-8");
  req.body = R"({"status":"from body","media_ids[]":["7","8"],"sensitive":true,"poll":{"options":["a","b"]},"n":3})";
  auto params = RequestParams::from(req);
  CHECK(params.string("status") == "from body");
  CHECK(params.string("limit") == "5");
  CHECK(params.strings("media_ids") == Strings{"7", "8"});
  CHECK(params.boolean("sensitive") == true);
  CHECK(params.string("sensitive") == "true");
  CHECK(params.integer("n") == 3);
  REQUIRE(params.object("poll") != nullptr);
}

TEST_CASE("a broken or non-object JSON body is a 400", "[request_params]") {
  httplib::Request req;
  req.headers.emplace("Content-Type", "application/json");
  req.body = "{oops";
  CHECK_THROWS_AS(RequestParams::from(req), HttpError);
  req.body = "[1,2]";
  CHECK_THROWS_AS(RequestParams::from(req), HttpError);
  req.body = "";
  CHECK_NOTHROW(RequestParams::from(req));
}

TEST_CASE("multipart fields without a filename are ordinary fields", "[request_params]") {
  httplib::Request req;
  req.files.emplace("description", httplib::MultipartFormData{"description", "alt text", "", ""});
  req.files.emplace("file", httplib::MultipartFormData{"file", "PNGDATA", "tiny.png", "image/png"});
  auto params = RequestParams::from(req);
  CHECK(params.string("description") == "alt text");
  const auto* file = params.file("file");
  REQUIRE(file != nullptr);
  CHECK(file->filename == "tiny.png");
  CHECK(file->content_type == "image/png");
  CHECK(file->content == "PNGDATA");
  CHECK(params.file("description") == nullptr);
}


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
