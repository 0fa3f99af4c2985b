#include "streaming/wire_format.hpp"

#include <catch2/catch.hpp>

using namespace vmst::streaming;

TEST_CASE("WebSocket frames carry stream, event and the payload as a JSON string, in Mastodon's order",
          "[streaming][wire]") {
  auto prefix = websocket_frame_prefix({"hashtag", "foo"});
  StreamEvent update{"update", R"({"id":"1","content":"<p>hi \"you\"</p>"})", {}};
  CHECK(websocket_event_frame(prefix, update) ==
        R"({"stream":["hashtag","foo"],"event":"update","payload":"{\"id\":\"1\",\"content\":\"<p>hi \\\"you\\\"</p>\"}"})");
  CHECK(websocket_event_frame(websocket_frame_prefix({"user"}), StreamEvent{"delete", "109", {}}) ==
        R"({"stream":["user"],"event":"delete","payload":"109"})");
}

TEST_CASE("a filters_changed frame has no payload", "[streaming][wire]") {
  CHECK(websocket_event_frame(websocket_frame_prefix({"user"}), StreamEvent{"filters_changed", std::nullopt, {}}) ==
        R"({"stream":["user"],"event":"filters_changed"})");
  CHECK(sse_event_frame(StreamEvent{"filters_changed", std::nullopt, {}}) == "event: filters_changed\ndata: null\n\n");
}

TEST_CASE("invalid UTF-8 in a payload is replaced, not fatal", "[streaming][wire]") {
  auto frame = websocket_event_frame(websocket_frame_prefix({"public"}), StreamEvent{"update", "a\xFF" "b", {}});
  CHECK(frame == "{\"stream\":[\"public\"],\"event\":\"update\",\"payload\":\"a\xEF\xBF\xBD" "b\"}");
}

TEST_CASE("SSE frames are event and data lines ended by an empty line", "[streaming][wire]") {
  CHECK(sse_event_frame(StreamEvent{"update", R"({"id":"1"})", {}}) == "event: update\ndata: {\"id\":\"1\"}\n\n");
  CHECK(sse_event_frame(StreamEvent{"delete", "109", {}}) == "event: delete\ndata: 109\n\n");
  CHECK(sse_event_frame(StreamEvent{"x", "a\nb", {}}) == "event: x\ndata: a\ndata: b\n\n");
  // Comments end with one newline: an empty line after a comment would be an empty event to Mastodon.py.
  CHECK(kSseHeartbeat == ":thump\n");
}

TEST_CASE("error messages and bodies are JSON in Mastodon's shapes", "[streaming][wire]") {
  CHECK(websocket_error_frame("Unknown stream type", 400) == R"({"error":"Unknown stream type","status":400})");
  CHECK(json_error_body("The access token is invalid") == R"({"error":"The access token is invalid"})");
}
