#pragma once
// A StreamingServer on a loopback port with fake tokens, and small clients for it: a Beast WebSocket client and a raw
// SSE reader. Reads take a timeout so a failing test fails instead of hanging.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>
#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "streaming/event_bus.hpp"
#include "streaming/streaming_server.hpp"

namespace vmst::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// alice (1) may read everything; bob (2) too; carol (3) has read:statuses only; dave (4) write only.
inline std::optional<streaming::StreamPrincipal> fake_token_check(const std::string& token) {
  if (token == "alice-token") return streaming::StreamPrincipal{1, {"read", "write", "follow"}};
  if (token == "bob-token") return streaming::StreamPrincipal{2, {"read"}};
  if (token == "carol-token") return streaming::StreamPrincipal{3, {"read:statuses"}};
  if (token == "dave-token") return streaming::StreamPrincipal{4, {"write"}};
  if (token == "broken-token") throw std::runtime_error("database is locked");
  return std::nullopt;
}

struct StreamingFixture {
  streaming::EventBus bus;
  streaming::StreamingOptions options;
  streaming::StreamingCallbacks callbacks;
  std::unique_ptr<streaming::StreamingServer> server;

  StreamingFixture() {
    options.host = "127.0.0.1";
    options.port = 0;
    callbacks.check_token = fake_token_check;
    callbacks.owns_list = [](int64_t viewer, int64_t list) { return viewer == 1 && list == 10; };
  }
  ~StreamingFixture() {
    if (server) server->stop();
  }

  void start() {
    server = std::make_unique<streaming::StreamingServer>(options, bus, callbacks);
    server->start();
  }
  int port() const { return server->port(); }

  // Subscriptions are made on the io thread after the client's message: wait for them before publishing.
  bool wait_for_subscribers(const std::string& topic, size_t count, std::chrono::milliseconds timeout = 5s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (bus.subscriber_count(topic) != count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(2ms);
    }
    return true;
  }
  bool wait_for_connections(size_t count, std::chrono::milliseconds timeout = 5s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (server->connection_count() != count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(2ms);
    }
    return true;
  }
};

class WsClient {
 public:
  websocket::response_type response;
  beast::error_code error;

  // Opens the connection and does the handshake; false when it was refused (see response and error).
  bool connect(int port, const std::string& target = "/api/v1/streaming",
               std::map<std::string, std::string> headers = {}) {
    beast::get_lowest_layer(ws_).connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    ws_.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
      for (const auto& [name, value] : headers) request.set(name, value);
    }));
    // Asynchronous: Beast 1.74's blocking handshake leaves `response` empty when the server refuses.
    ws_.async_handshake(response, "127.0.0.1:" + std::to_string(port), target,
                        [this](const beast::error_code& ec) { error = ec; });
    io_.restart();
    io_.run();
    return !error;
  }

  void send(const std::string& text) { ws_.write(asio::buffer(text)); }

  // The next text message, or nullopt on timeout or when the connection ended (error says which).
  std::optional<std::string> read(std::chrono::milliseconds timeout = 5s) {
    beast::get_lowest_layer(ws_).expires_after(timeout);
    bool done = false;
    ws_.async_read(buffer_, [&](const beast::error_code& ec, size_t) {
      error = ec;
      done = true;
    });
    io_.restart();
    io_.run();
    if (!done || error) return std::nullopt;
    std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    return text;
  }

 private:
  asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_{io_};
  beast::flat_buffer buffer_;
};

// Speaks raw HTTP/1.1, keeps every byte received, and decodes the chunked body for checks.
class SseClient {
 public:
  std::string received;
  bool ended = false;

  void connect(int port, const std::string& target, const std::string& extra_headers = "") {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" +
                          extra_headers + "\r\n";
    asio::write(stream_.socket(), asio::buffer(request));
  }

  // Reads until the decoded body (or, before the head is complete, the raw bytes) contains needle.
  bool read_until(const std::string& needle, std::chrono::milliseconds timeout = 5s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      if (body().find(needle) != std::string::npos || received.find(needle) != std::string::npos) return true;
      if (ended) return false;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      read_some(left);
    }
  }
  // Reads until the server closes the connection.
  bool read_until_closed(std::chrono::milliseconds timeout = 5s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!ended) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      read_some(left);
    }
    return true;
  }

  std::string head() const { return received.substr(0, received.find("\r\n\r\n") + 4); }
  // The chunked body decoded as far as complete chunks go.
  std::string body() const {
    auto at = received.find("\r\n\r\n");
    if (at == std::string::npos) return "";
    std::string out;
    size_t pos = at + 4;
    while (true) {
      auto line_end = received.find("\r\n", pos);
      if (line_end == std::string::npos) break;
      size_t size = std::stoul(received.substr(pos, line_end - pos), nullptr, 16);
      if (size == 0 || line_end + 2 + size + 2 > received.size()) break;
      out += received.substr(line_end + 2, size);
      pos = line_end + 2 + size + 2;
    }
    return out;
  }

 private:
  void read_some(std::chrono::milliseconds timeout) {
    stream_.expires_after(timeout);
    stream_.async_read_some(asio::buffer(chunk_), [&](const beast::error_code& ec, size_t n) {
      if (ec) {  // a timeout closes the socket too
        ended = true;
        return;
      }
      received.append(chunk_.data(), n);
    });
    io_.restart();
    io_.run();
  }

  asio::io_context io_;
  beast::tcp_stream stream_{io_};
  std::array<char, 4096> chunk_{};
};

inline size_t thread_count() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

}  // namespace vmst::testing
