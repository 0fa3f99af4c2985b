#include <catch2/catch.hpp>

#include <vector>

#include "streaming_test_support.hpp"

using namespace vmst::testing;

TEST_CASE("300 idle WebSocket streams cost no extra threads", "[streaming][server][resources]") {
  StreamingFixture f;
  f.start();
  const size_t threads_before = thread_count();

  // Plain blocking handshakes from this thread: the clients add no threads either.
  asio::io_context io;
  std::vector<std::unique_ptr<websocket::stream<tcp::socket>>> clients;
  for (int i = 0; i < 300; ++i) {
    auto ws = std::make_unique<websocket::stream<tcp::socket>>(io);
    ws->next_layer().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), f.port()));
    ws->set_option(websocket::stream_base::decorator(
        [](websocket::request_type& request) { request.set(beast::http::field::sec_websocket_protocol, "alice-token"); }));
    ws->handshake("127.0.0.1", "/api/v1/streaming?stream=public");
    clients.push_back(std::move(ws));
  }
  REQUIRE(f.wait_for_subscribers("public", 300));
  CHECK(f.server->connection_count() == 300);
  const size_t threads_after = thread_count();
  INFO("threads before: " << threads_before << ", after 300 streams: " << threads_after);
  CHECK(threads_after <= threads_before + 2);

  for (auto& ws : clients) {
    beast::error_code ignored;
    ws->next_layer().close(ignored);
  }
  CHECK(f.wait_for_connections(0));
  CHECK(f.bus.subscriber_count("public") == 0);
}
