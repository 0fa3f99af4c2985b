#pragma once
// A new connection to the streaming listener, until it becomes a stream. Reads requests (keep-alive), answers the
// health check, CORS preflights and errors itself, checks the access token (on the lookup thread), then hands the
// socket to a WebSocketSession or an SseSession.
//
// Routes:
//   GET /api/v1/streaming/health                     200 text/plain OK (no token needed)
//   OPTIONS *                                         204 CORS preflight
//   GET /api/v1/streaming + Upgrade: websocket        WebSocket (?stream=&tag=&list= subscribes at once)
//   GET /api/v1/streaming/<stream path>               SSE (stream_names.hpp lists the paths)
// Errors are JSON, {"error": ...}: 400 unknown channel, 401 missing or invalid token or scope, 404 elsewhere.
//
// Threads: the io thread (the token check runs on the lookup thread and comes back here).
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <memory>
#include <optional>

#include "streaming/http_responses.hpp"
#include "streaming/session_context.hpp"
#include "streaming/stream_names.hpp"

namespace vmst::streaming {

class HttpSession final : public ClosableSession, public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, SessionContext& context);
  void start();
  void close_now() override;

 private:
  void read_request();
  void on_read(const boost::system::error_code& ec);
  void route(HttpRequest request);
  // Checks the token off the io thread, then calls open(principal) back here; answers 401 or 503 itself.
  void authenticate(HttpRequest request, std::function<void(HttpRequest, StreamPrincipal)> open);
  void open_websocket(HttpRequest request, StreamPrincipal who);
  void open_sse(HttpRequest request, StreamPrincipal who, StreamRequest stream);
  void respond(HttpResponse response);
  // The socket now belongs to a stream session.
  void hand_over();

  SessionContext& context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::shared_ptr<HttpResponse> response_;  // being written
  uint64_t registry_id_ = 0;
  bool closed_ = false;
};

}  // namespace vmst::streaming
