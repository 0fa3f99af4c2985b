#pragma once
// One server-sent-events stream (GET /api/v1/streaming/<stream>): a chunked text/event-stream response that stays
// open, one stream per connection. A comment line every heartbeat_interval keeps proxies from closing it.
//
// Threads: the io thread.
#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <string>

#include "streaming/stream_names.hpp"
#include "streaming/stream_session.hpp"

namespace vmst::streaming {

class SseSession final : public StreamSession {
 public:
  SseSession(boost::asio::ip::tcp::socket socket, SessionContext& context, StreamPrincipal who);

  // Sends the response headers and subscribes. http_version 10 or 11 (chunked for 1.1, until close for 1.0).
  void start(const ResolvedStream& stream, unsigned http_version);
  void close_now() override;

 private:
  void watch_for_close();
  void on_wake() override;
  void on_tick() override;
  void write(std::string bytes);

  std::shared_ptr<SseSession> self() { return std::static_pointer_cast<SseSession>(shared_from_this()); }

  boost::asio::ip::tcp::socket socket_;
  bool chunked_ = true;
  std::string wire_;  // the bytes being written; they must live until the write completes
  std::array<char, 256> discard_{};
};

// The response head of an event stream.
std::string sse_response_head(bool chunked);
// One HTTP/1.1 chunk.
std::string http_chunk(std::string_view data);

}  // namespace vmst::streaming
