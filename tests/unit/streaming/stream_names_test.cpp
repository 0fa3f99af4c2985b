#include "streaming/stream_names.hpp"

#include <catch2/catch.hpp>

using namespace vmst::streaming;

namespace {

const StreamPrincipal kReader{42, {"read", "write", "follow"}};

ResolvedStream ok(const StreamRequest& request, const StreamPrincipal& who = kReader) {
  auto result = resolve_stream(request, who);
  if (auto* error = std::get_if<StreamError>(&result)) FAIL("refused: " << error->status << " " << error->message);
  return std::get<ResolvedStream>(result);
}

StreamError refused(const StreamRequest& request, const StreamPrincipal& who = kReader) {
  auto result = resolve_stream(request, who);
  REQUIRE(std::holds_alternative<StreamError>(result));
  return std::get<StreamError>(result);
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("every stream name maps to its topics and its stream array", "[streaming][names]") {
  struct Case {
    StreamRequest request;
    Strings stream;
    Strings topics;
  };
  std::vector<Case> cases = {
      {{"user", {}, {}}, {"user"}, {"user:42", "user:notification:42"}},
      {{"user:notification", {}, {}}, {"user:notification"}, {"user:notification:42"}},
      {{"public", {}, {}}, {"public"}, {"public"}},
      {{"public:local", {}, {}}, {"public:local"}, {"public:local"}},
      {{"public:remote", {}, {}}, {"public:remote"}, {"public:remote"}},
      {{"public:media", {}, {}}, {"public:media"}, {"public:media"}},
      {{"public:local:media", {}, {}}, {"public:local:media"}, {"public:local:media"}},
      {{"public:remote:media", {}, {}}, {"public:remote:media"}, {"public:remote:media"}},
      {{"hashtag", "Foo", {}}, {"hashtag", "Foo"}, {"hashtag:foo"}},
      {{"hashtag:local", "Foo", {}}, {"hashtag:local", "Foo"}, {"hashtag:local:foo"}},
      {{"list", {}, "123"}, {"list", "123"}, {"list:123"}},
      {{"direct", {}, {}}, {"direct"}, {"direct:42"}},
  };
  for (const auto& c : cases) {
    INFO(c.request.name);
    auto resolved = ok(c.request);
    CHECK(resolved.stream == c.stream);
    CHECK(resolved.topics == c.topics);
    CHECK_FALSE(resolved.drop_notifications);
  }
  CHECK(ok({"user", {}, {}}).key == "user:42;user:notification:42");
}

TEST_CASE("hashtag streams need a tag, normalised in the topic and echoed as sent", "[streaming][names]") {
  CHECK(ok({"hashtag", "#CaTs", {}}).topics == Strings{"hashtag:cats"});
  CHECK(ok({"hashtag", "#CaTs", {}}).stream == Strings{"hashtag", "#CaTs"});
  // Two spellings of one tag are one subscription.
  CHECK(ok({"hashtag", "Cats", {}}).key == ok({"hashtag", "cats", {}}).key);
  for (std::optional<std::string> tag : {std::optional<std::string>{}, std::optional<std::string>{""},
                                         std::optional<std::string>{"#"}}) {
    auto error = refused({"hashtag", tag, {}});
    CHECK(error.status == 400);
    CHECK(error.message == "No tag for stream provided");
    CHECK(refused({"hashtag:local", tag, {}}).status == 400);
  }
}

TEST_CASE("unknown stream names are refused with 400 Unknown stream type", "[streaming][names]") {
  for (std::string name : {"", "users", "User", "public:federated", "hashtags", "notification", "user:"}) {
    INFO(name);
    auto error = refused({name, "x", "1"});
    CHECK(error.status == 400);
    CHECK(error.message == "Unknown stream type");
  }
}

TEST_CASE("list streams need a numeric list id and leave the ownership check to the caller", "[streaming][names]") {
  auto resolved = ok({"list", {}, "123"});
  REQUIRE(resolved.list_to_check);
  CHECK(*resolved.list_to_check == 123);
  for (std::optional<std::string> list : {std::optional<std::string>{}, std::optional<std::string>{"abc"},
                                          std::optional<std::string>{"-1"}, std::optional<std::string>{""}}) {
    auto error = refused({"list", {}, list});
    CHECK(error.status == 401);
    CHECK(error.message == "Not authorized to stream this list");
  }
  CHECK_FALSE(ok({"public", {}, {}}).list_to_check);
}

TEST_CASE("scopes are checked as Mastodon's streaming server checks them", "[streaming][names]") {
  const StreamPrincipal statuses{1, {"read:statuses"}};
  const StreamPrincipal notifications{1, {"read:notifications"}};
  const StreamPrincipal write_only{1, {"write", "follow"}};

  // Public and hashtag streams: any valid user token.
  for (std::string name : {"public", "public:local", "public:remote:media"}) CHECK(ok({name, {}, {}}, write_only).topics.size() == 1);
  CHECK(ok({"hashtag", "x", {}}, write_only).topics.size() == 1);

  // user, list, direct: read or read:statuses.
  for (std::string name : {"user", "direct"}) {
    INFO(name);
    CHECK(refused({name, {}, {}}, write_only).status == 401);
    CHECK(refused({name, {}, {}}, write_only).message == "Access token does not cover required scopes");
    CHECK(refused({name, {}, {}}, notifications).status == 401);
    ok({name, {}, {}}, statuses);
  }
  CHECK(refused({"list", {}, "1"}, write_only).message == "Access token does not cover required scopes");
  ok({"list", {}, "1"}, statuses);

  // user:notification: read or read:notifications.
  ok({"user:notification", {}, {}}, notifications);
  CHECK(refused({"user:notification", {}, {}}, statuses).status == 401);
}

TEST_CASE("the user stream carries notifications only when the token may read them", "[streaming][names]") {
  auto without = ok({"user", {}, {}}, StreamPrincipal{7, {"read:statuses"}});
  CHECK(without.topics == Strings{"user:7"});
  CHECK(without.drop_notifications);
  auto with = ok({"user", {}, {}}, StreamPrincipal{7, {"read:statuses", "read:notifications"}});
  CHECK(with.topics == Strings{"user:7", "user:notification:7"});
  CHECK_FALSE(with.drop_notifications);
}

TEST_CASE("SSE paths name streams and only_media picks the media variants", "[streaming][names]") {
  auto name_of = [](std::string path, QueryParams query = {}) -> std::string {
    auto stream = stream_from_sse_path(path, query);
    return stream ? stream->name : "(none)";
  };
  CHECK(name_of("/api/v1/streaming/user") == "user");
  CHECK(name_of("/api/v1/streaming/user/notification") == "user:notification");
  CHECK(name_of("/api/v1/streaming/public") == "public");
  CHECK(name_of("/api/v1/streaming/public/local") == "public:local");
  CHECK(name_of("/api/v1/streaming/public/remote") == "public:remote");
  CHECK(name_of("/api/v1/streaming/public/media") == "public:media");
  CHECK(name_of("/api/v1/streaming/public/local/media") == "public:local:media");
  CHECK(name_of("/api/v1/streaming/public/remote/media") == "public:remote:media");
  CHECK(name_of("/api/v1/streaming/hashtag") == "hashtag");
  CHECK(name_of("/api/v1/streaming/hashtag/local") == "hashtag:local");
  CHECK(name_of("/api/v1/streaming/list") == "list");
  CHECK(name_of("/api/v1/streaming/direct") == "direct");
  CHECK(name_of("/api/v1/streaming/public", {{"only_media", "true"}}) == "public:media");
  CHECK(name_of("/api/v1/streaming/public/local", {{"only_media", "1"}}) == "public:local:media");
  CHECK(name_of("/api/v1/streaming/public/remote", {{"only_media", "true"}}) == "public:remote:media");
  CHECK(name_of("/api/v1/streaming/public", {{"only_media", "false"}}) == "public");

  auto tagged = stream_from_sse_path("/api/v1/streaming/hashtag/local", {{"tag", "Foo"}});
  REQUIRE(tagged);
  CHECK(tagged->tag == "Foo");
  auto listed = stream_from_sse_path("/api/v1/streaming/list", {{"list", "9"}});
  REQUIRE(listed);
  CHECK(listed->list == "9");
  CHECK_FALSE(stream_from_sse_path("/api/v1/streaming/hashtag", {})->tag);
}

TEST_CASE("unknown SSE paths name no stream", "[streaming][names]") {
  for (std::string path : {"/api/v1/streaming", "/api/v1/streaming/", "/api/v1/streaming/users",
                           "/api/v1/streaming/public/local/remote", "/api/v1/streaming/health/x", "/api/v1/timelines/home",
                           "/api/v1/streaming/user:notification"}) {
    INFO(path);
    CHECK_FALSE(stream_from_sse_path(path, {}));
  }
}

TEST_CASE("the WebSocket query names a stream with its tag and list", "[streaming][names]") {
  auto stream = stream_from_websocket_query({{"stream", "hashtag"}, {"tag", "foo"}, {"access_token", "t"}});
  REQUIRE(stream);
  CHECK(stream->name == "hashtag");
  CHECK(stream->tag == "foo");
  CHECK_FALSE(stream->list);
  CHECK(stream_from_websocket_query({{"stream", "list"}, {"list", "5"}})->list == "5");
  CHECK_FALSE(stream_from_websocket_query({{"access_token", "t"}}));
  CHECK_FALSE(stream_from_websocket_query({{"stream", ""}}));
}

TEST_CASE("client messages: subscribe and unsubscribe are read, anything else is ignored", "[streaming][names]") {
  auto m = parse_client_message(R"({"type":"subscribe","stream":"hashtag","tag":"foo"})");
  CHECK(m.type == ClientMessage::Type::Subscribe);
  CHECK(m.request.name == "hashtag");
  CHECK(m.request.tag == "foo");

  m = parse_client_message(R"({"type":"unsubscribe","stream":"list","list":"123"})");
  CHECK(m.type == ClientMessage::Type::Unsubscribe);
  CHECK(m.request.list == "123");

  // Some clients send the list id as a number or the stream as an array (Mastodon takes its first element).
  m = parse_client_message(R"({"type":"subscribe","stream":["list"],"list":123})");
  CHECK(m.request.name == "list");
  CHECK(m.request.list == "123");

  m = parse_client_message(R"({"type":"subscribe"})");
  CHECK(m.type == ClientMessage::Type::Subscribe);
  CHECK(m.request.name.empty());  // refused later as an unknown stream

  for (std::string junk : {"", "not json", "[]", "42", R"({"type":"ping"})", R"({"stream":"user"})",
                           R"({"type":"subscribe","stream":"user")"}) {
    INFO(junk);
    CHECK(parse_client_message(junk).type == ClientMessage::Type::Ignored);
  }
}
