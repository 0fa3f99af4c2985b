#include "streaming/streaming_server.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

#include "streaming/topics.hpp"
#include "streaming_test_support.hpp"

using namespace vmst;
using namespace vmst::testing;
using streaming::StreamEvent;
namespace topics = streaming::topics;

namespace {

StreamEvent update(std::string payload, std::vector<int64_t> involved = {}) {
  return StreamEvent{"update", std::move(payload), std::move(involved)};
}

}  // namespace

TEST_CASE("health answers 200 text/plain OK with CORS, and OPTIONS answers the preflight", "[streaming][server]") {
  StreamingFixture f;
  f.start();
  httplib::Client client("127.0.0.1", f.port());
  auto health = client.Get("/api/v1/streaming/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == "OK");
  CHECK(health->get_header_value("Content-Type").rfind("text/plain", 0) == 0);
  CHECK(health->get_header_value("Access-Control-Allow-Origin") == "*");
  // Keep-alive: a second request on the same connection is answered too (Mastodon.py reuses its session).
  CHECK(client.Get("/api/v1/streaming/health/")->body == "OK");

  auto preflight = client.Options("/api/v1/streaming/user", {{"Origin", "https://elk.zone"},
                                                             {"Access-Control-Request-Method", "GET"},
                                                             {"Access-Control-Request-Headers", "authorization"}});
  REQUIRE(preflight);
  CHECK(preflight->status == 204);
  CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(preflight->get_header_value("Access-Control-Allow-Headers") == "authorization");
  CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("GET") != std::string::npos);

  auto elsewhere = client.Get("/api/v1/timelines/home");
  REQUIRE(elsewhere);
  CHECK(elsewhere->status == 404);
  CHECK(elsewhere->body == R"({"error":"Not found"})");
}

TEST_CASE("a WebSocket with the token as subprotocol gets it echoed and receives user and hashtag events as exact "
          "frames",
          "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  CHECK(ws.response[beast::http::field::sec_websocket_protocol] == "alice-token");

  ws.send(R"({"type":"subscribe","stream":"user"})");
  ws.send(R"({"type":"subscribe","stream":"hashtag","tag":"Foo"})");
  REQUIRE(f.wait_for_subscribers(topics::user(1), 1));
  REQUIRE(f.wait_for_subscribers(topics::user_notification(1), 1));
  REQUIRE(f.wait_for_subscribers(topics::hashtag("foo"), 1));

  f.bus.publish(topics::user(1), update(R"({"id":"1","content":"hi"})"));
  CHECK(ws.read() == R"({"stream":["user"],"event":"update","payload":"{\"id\":\"1\",\"content\":\"hi\"}"})");
  f.bus.publish(topics::user_notification(1), StreamEvent{"notification", R"({"type":"mention"})", {}});
  CHECK(ws.read() == R"({"stream":["user"],"event":"notification","payload":"{\"type\":\"mention\"}"})");
  f.bus.publish(topics::user(1), StreamEvent{"delete", "109", {}});
  CHECK(ws.read() == R"({"stream":["user"],"event":"delete","payload":"109"})");
  f.bus.publish(topics::user(1), StreamEvent{"filters_changed", std::nullopt, {}});
  CHECK(ws.read() == R"({"stream":["user"],"event":"filters_changed"})");
  f.bus.publish(topics::hashtag("FOO"), update("{}"));
  CHECK(ws.read() == R"({"stream":["hashtag","Foo"],"event":"update","payload":"{}"})");
  // Someone else's home timeline does not reach alice.
  f.bus.publish(topics::user(2), update("bob's"));
  f.bus.publish(topics::user(1), update("mine"));
  CHECK(ws.read() == R"({"stream":["user"],"event":"update","payload":"mine"})");
}

TEST_CASE("the ?stream= query subscribes at connection, and Bearer and access_token authenticate too",
          "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient by_query;
  REQUIRE(by_query.connect(f.port(), "/api/v1/streaming?stream=hashtag&tag=cats&access_token=bob-token"));
  CHECK(by_query.response[beast::http::field::sec_websocket_protocol].empty());  // none offered, none echoed
  WsClient by_header;
  REQUIRE(by_header.connect(f.port(), "/api/v1/streaming/?stream=public:local",
                            {{"Authorization", "Bearer alice-token"}}));
  REQUIRE(f.wait_for_subscribers(topics::hashtag("cats"), 1));
  REQUIRE(f.wait_for_subscribers(topics::public_local(), 1));

  f.bus.publish(topics::hashtag_topics({"cats"}, true), update("a"));
  CHECK(by_query.read() == R"({"stream":["hashtag","cats"],"event":"update","payload":"a"})");
  f.bus.publish(topics::public_topics(true, false), update("b"));
  CHECK(by_header.read() == R"({"stream":["public:local"],"event":"update","payload":"b"})");
}

TEST_CASE("the offered subprotocol is echoed even when the token came in the Authorization header",
          "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming",
                     {{"Authorization", "Bearer alice-token"}, {"Sec-WebSocket-Protocol", "xyz"}}));
  CHECK(ws.response[beast::http::field::sec_websocket_protocol] == "xyz");
}

TEST_CASE("a bad or missing token refuses the WebSocket handshake with 401", "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  for (auto headers : std::vector<std::map<std::string, std::string>>{
           {}, {{"Sec-WebSocket-Protocol", "wrong-token"}}, {{"Authorization", "Bearer wrong-token"}}}) {
    WsClient ws;
    CHECK_FALSE(ws.connect(f.port(), "/api/v1/streaming?stream=public", headers));
    INFO(ws.error.message());
    CHECK(ws.response.result_int() == 401);
    CHECK(ws.response.body() == R"({"error":"The access token is invalid"})");
  }
  // A valid token in the wrong place does not help a wrong one in the first place looked at.
  WsClient ws;
  CHECK_FALSE(ws.connect(f.port(), "/api/v1/streaming?access_token=alice-token",
                         {{"Authorization", "Bearer wrong-token"}}));
  CHECK(ws.response.result_int() == 401);
  // A lookup that fails is not a bad token: clients must not throw the token away.
  WsClient broken;
  CHECK_FALSE(broken.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "broken-token"}}));
  CHECK(broken.response.result_int() == 503);
}

TEST_CASE("an unknown stream, a missing tag or missing scopes get an error message and the connection stays usable",
          "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming?stream=nope", {{"Sec-WebSocket-Protocol", "carol-token"}}));
  CHECK(ws.read() == R"({"error":"Unknown stream type","status":400})");
  ws.send(R"({"type":"subscribe","stream":"hashtag"})");
  CHECK(ws.read() == R"({"error":"No tag for stream provided","status":400})");
  ws.send(R"({"type":"subscribe","stream":"user:notification"})");
  CHECK(ws.read() == R"({"error":"Access token does not cover required scopes","status":401})");
  ws.send("not json at all");  // ignored, as Mastodon does
  ws.send(R"({"type":"subscribe","stream":"user"})");
  REQUIRE(f.wait_for_subscribers(topics::user(3), 1));
  CHECK(f.bus.subscriber_count(topics::user_notification(3)) == 0);  // carol may not read notifications
  f.bus.publish(topics::user(3), StreamEvent{"notification", "{}", {}});  // dropped: not in carol's scopes
  f.bus.publish(topics::user(3), update("ok"));
  CHECK(ws.read() == R"({"stream":["user"],"event":"update","payload":"ok"})");
}

TEST_CASE("unsubscribe stops one stream's events and leaves the others", "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  ws.send(R"({"type":"subscribe","stream":"public"})");
  ws.send(R"({"type":"subscribe","stream":"public"})");  // twice is one subscription
  ws.send(R"({"type":"subscribe","stream":"hashtag","tag":"cats"})");
  REQUIRE(f.wait_for_subscribers(topics::hashtag("cats"), 1));
  CHECK(f.bus.subscriber_count(topics::public_timeline()) == 1);
  ws.send(R"({"type":"unsubscribe","stream":"hashtag","tag":"#CATS"})");
  REQUIRE(f.wait_for_subscribers(topics::hashtag("cats"), 0));
  f.bus.publish(topics::hashtag("cats"), update("tag"));
  f.bus.publish(topics::public_timeline(), update("public"));
  CHECK(ws.read() == R"({"stream":["public"],"event":"update","payload":"public"})");
}

TEST_CASE("hidden_from_viewer keeps events involving blocked accounts off public and hashtag streams",
          "[streaming][server][websocket]") {
  StreamingFixture f;
  // alice (1) blocked account 99.
  f.bus.set_hidden_from_viewer([](int64_t viewer, const std::vector<int64_t>& involved) {
    return viewer == 1 && std::find(involved.begin(), involved.end(), 99) != involved.end();
  });
  f.start();
  WsClient alice, bob;
  REQUIRE(alice.connect(f.port(), "/api/v1/streaming?stream=public", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  REQUIRE(bob.connect(f.port(), "/api/v1/streaming?stream=public", {{"Sec-WebSocket-Protocol", "bob-token"}}));
  REQUIRE(f.wait_for_subscribers(topics::public_timeline(), 2));
  f.bus.publish(topics::public_timeline(), update("by 99", {99}));
  f.bus.publish(topics::public_timeline(), update("by 5", {5}));
  CHECK(alice.read() == R"({"stream":["public"],"event":"update","payload":"by 5"})");
  CHECK(bob.read() == R"({"stream":["public"],"event":"update","payload":"by 99"})");
  CHECK(bob.read() == R"({"stream":["public"],"event":"update","payload":"by 5"})");
}

TEST_CASE("a list stream needs the viewer to own the list", "[streaming][server][websocket]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  ws.send(R"({"type":"subscribe","stream":"list","list":"11"})");
  CHECK(ws.read() == R"({"error":"Not authorized to stream this list","status":401})");
  ws.send(R"({"type":"subscribe","stream":"list","list":"10"})");
  REQUIRE(f.wait_for_subscribers(topics::list(10), 1));
  f.bus.publish(topics::list(10), update("listed"));
  CHECK(ws.read() == R"({"stream":["list","10"],"event":"update","payload":"listed"})");
}

TEST_CASE("a connection may hold at most max_subscriptions_per_connection streams", "[streaming][server][websocket]") {
  StreamingFixture f;
  f.options.max_subscriptions_per_connection = 3;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  for (int i = 0; i < 4; ++i) ws.send(R"({"type":"subscribe","stream":"hashtag","tag":"t)" + std::to_string(i) + "\"}");
  CHECK(ws.read() == R"j({"error":"Too many subscriptions on this connection (at most 3)","status":400})j");
  CHECK(f.bus.subscriber_count(topics::hashtag("t3")) == 0);
  CHECK(f.bus.subscriber_count(topics::hashtag("t2")) == 1);
}

TEST_CASE("a client message larger than the limit ends the connection", "[streaming][server][websocket]") {
  StreamingFixture f;
  f.options.max_client_message_bytes = 1024;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  ws.send(R"({"type":"subscribe","stream":"hashtag","tag":")" + std::string(4000, 'x') + "\"}");
  CHECK_FALSE(ws.read());
  CHECK(f.wait_for_connections(0));
}

TEST_CASE("SSE sends the event-stream headers, event/data frames and heartbeats", "[streaming][server][sse]") {
  StreamingFixture f;
  f.options.heartbeat_interval = 100ms;
  f.start();
  SseClient sse;
  sse.connect(f.port(), "/api/v1/streaming/hashtag?tag=Foo", "Authorization: Bearer alice-token\r\n");
  REQUIRE(sse.read_until(":)\n"));
  auto head = sse.head();
  CHECK(head.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
  CHECK(head.find("\r\nContent-Type: text/event-stream\r\n") != std::string::npos);
  CHECK(head.find("\r\nCache-Control: no-store\r\n") != std::string::npos);
  CHECK(head.find("\r\nAccess-Control-Allow-Origin: *\r\n") != std::string::npos);
  CHECK(head.find("\r\nTransfer-Encoding: chunked\r\n") != std::string::npos);

  REQUIRE(f.wait_for_subscribers(topics::hashtag("foo"), 1));
  f.bus.publish(topics::hashtag("foo"), update(R"({"id":"7"})"));
  f.bus.publish(topics::hashtag("foo"), StreamEvent{"delete", "7", {}});
  REQUIRE(sse.read_until("event: delete\ndata: 7\n\n"));
  CHECK(sse.body().find("event: update\ndata: {\"id\":\"7\"}\n\nevent: delete\ndata: 7\n\n") != std::string::npos);
  REQUIRE(sse.read_until(":thump\n"));
  CHECK(sse.body().rfind(":)\n", 0) == 0);
}

TEST_CASE("the SSE user stream carries home updates and notifications", "[streaming][server][sse]") {
  StreamingFixture f;
  f.start();
  SseClient sse;
  sse.connect(f.port(), "/api/v1/streaming/user?access_token=bob-token");
  REQUIRE(f.wait_for_subscribers(topics::user_notification(2), 1));
  f.bus.publish(topics::user(2), update("home"));
  f.bus.publish(topics::user_notification(2), StreamEvent{"notification", R"({"type":"follow"})", {}});
  REQUIRE(sse.read_until("event: notification\ndata: {\"type\":\"follow\"}\n\n"));
  CHECK(sse.body() == ":)\nevent: update\ndata: home\n\nevent: notification\ndata: {\"type\":\"follow\"}\n\n");
}

TEST_CASE("SSE refuses a bad token with 401, an unknown channel with 400 and missing scopes with 401",
          "[streaming][server][sse]") {
  StreamingFixture f;
  f.start();
  httplib::Client client("127.0.0.1", f.port());
  auto bad = client.Get("/api/v1/streaming/user", {{"Authorization", "Bearer wrong"}});
  REQUIRE(bad);
  CHECK(bad->status == 401);
  CHECK(bad->body == R"({"error":"The access token is invalid"})");
  CHECK(bad->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  CHECK(bad->get_header_value("Access-Control-Allow-Origin") == "*");

  auto missing = client.Get("/api/v1/streaming/public");
  REQUIRE(missing);
  CHECK(missing->status == 401);  // public streams need a user token too (Mastodon >= 4.2)

  auto unknown = client.Get("/api/v1/streaming/everything", {{"Authorization", "Bearer alice-token"}});
  REQUIRE(unknown);
  CHECK(unknown->status == 400);
  CHECK(unknown->body == R"({"error":"Unknown channel requested"})");

  auto scopes = client.Get("/api/v1/streaming/user", {{"Authorization", "Bearer dave-token"}});
  REQUIRE(scopes);
  CHECK(scopes->status == 401);
  CHECK(scopes->body == R"({"error":"Access token does not cover required scopes"})");

  auto no_tag = client.Get("/api/v1/streaming/hashtag", {{"Authorization", "Bearer alice-token"}});
  REQUIRE(no_tag);
  CHECK(no_tag->status == 400);
  CHECK(no_tag->body == R"({"error":"No tag for stream provided"})");

  auto not_mine = client.Get("/api/v1/streaming/list?list=11", {{"Authorization", "Bearer alice-token"}});
  REQUIRE(not_mine);
  CHECK(not_mine->status == 401);
  CHECK(not_mine->body == R"({"error":"Not authorized to stream this list"})");
}

TEST_CASE("a client that stops reading is dropped when its queue overflows, and others keep streaming",
          "[streaming][server]") {
  StreamingFixture f;
  f.options.max_queued_frames = 20;
  f.start();
  SseClient stuck;
  stuck.connect(f.port(), "/api/v1/streaming/public?access_token=alice-token");
  WsClient reader;
  REQUIRE(reader.connect(f.port(), "/api/v1/streaming?stream=public:local", {{"Sec-WebSocket-Protocol", "bob-token"}}));
  REQUIRE(f.wait_for_subscribers(topics::public_timeline(), 1));
  REQUIRE(f.wait_for_subscribers(topics::public_local(), 1));

  // Far more than the socket buffers hold: the stuck client's frames pile up in its bounded queue.
  std::string big(64 * 1024, 'x');
  for (int i = 0; i < 2000 && f.bus.subscriber_count(topics::public_timeline()) > 0; ++i) {
    f.bus.publish(topics::public_timeline(), update(big));
  }
  CHECK(f.wait_for_subscribers(topics::public_timeline(), 0));
  CHECK(f.wait_for_connections(1));
  f.bus.publish(topics::public_local(), update("still here"));
  CHECK(reader.read() == R"({"stream":["public:local"],"event":"update","payload":"still here"})");
}

TEST_CASE("stop() closes every open stream and returns", "[streaming][server]") {
  StreamingFixture f;
  f.start();
  WsClient ws;
  REQUIRE(ws.connect(f.port(), "/api/v1/streaming?stream=public", {{"Sec-WebSocket-Protocol", "alice-token"}}));
  SseClient sse;
  sse.connect(f.port(), "/api/v1/streaming/public?access_token=bob-token");
  REQUIRE(f.wait_for_subscribers(topics::public_timeline(), 2));
  SseClient idle;  // connected, request not sent yet
  idle.connect(f.port(), "/api/v1/streaming/health", "X-Slow: ");

  auto started = std::chrono::steady_clock::now();
  f.server->stop();
  CHECK(std::chrono::steady_clock::now() - started < 1s);
  CHECK(f.bus.subscriber_count(topics::public_timeline()) == 0);
  CHECK_FALSE(ws.read(2s));
  CHECK(sse.read_until_closed(2s));
  f.server->stop();  // twice is harmless
}
