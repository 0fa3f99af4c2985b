#pragma once
// One WebSocket connection (GET /api/v1/streaming with Upgrade: websocket), multiplexing any number of streams up to
// the per-connection limit. Clients send {"type":"subscribe"|"unsubscribe","stream":...,"tag":...,"list":...}; each
// event arrives as one text frame (wire_format.hpp). Keep-alive: Beast pings a client silent for heartbeat_interval
// and drops it after twice that without an answer.
//
// Threads: the io thread; messages are handled one at a time (the next read starts when the previous message is
// done, including its list-ownership lookup), so subscribe and unsubscribe apply in the order sent.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <optional>
#include <string>

#include "streaming/http_responses.hpp"
#include "streaming/stream_names.hpp"
#include "streaming/stream_session.hpp"

namespace vmst::streaming {

class WebSocketSession final : public StreamSession {
 public:
  WebSocketSession(boost::beast::tcp_stream stream, SessionContext& context, StreamPrincipal who);

  // Answers the upgrade request (with `protocol` as Sec-WebSocket-Protocol when set), then subscribes to `initial`,
  // the stream named in the query (?stream=user), if any.
  void start(HttpRequest request, std::optional<std::string> protocol, std::optional<StreamRequest> initial);
  void close_now() override;

 private:
  void on_accept(const boost::system::error_code& ec, std::optional<StreamRequest> initial);
  void read_next();
  void on_read(const boost::system::error_code& ec);
  // Applies one request and calls read_next() when done (at once, or after the list check).
  void subscribe(const StreamRequest& request);
  void unsubscribe(const StreamRequest& request);
  void add(const ResolvedStream& stream);
  void send_error(const StreamError& error);
  void on_wake() override;

  std::shared_ptr<WebSocketSession> self() { return std::static_pointer_cast<WebSocketSession>(shared_from_this()); }

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::string frame_;  // the frame being written; it must live until the write completes
};

}  // namespace vmst::streaming
