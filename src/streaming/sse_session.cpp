#include "streaming/sse_session.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <cstdio>
#include <spdlog/spdlog.h>

#include "streaming/wire_format.hpp"

namespace vmst::streaming {

std::string sse_response_head(bool chunked) {
  std::string head =
      "HTTP/1.1 200 OK\r\n"
      "Server: vmst\r\n"
      "Content-Type: text/event-stream\r\n"
      "Cache-Control: no-store\r\n"
      "Access-Control-Allow-Origin: *\r\n"
      // nginx buffers proxied responses unless told not to; events must pass at once.
      "X-Accel-Buffering: no\r\n";
  head += chunked ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n";
  head += "\r\n";
  return head;
}

std::string http_chunk(std::string_view data) {
  char size[20];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  std::string out(size);
  out += data;
  out += "\r\n";
  return out;
}

SseSession::SseSession(boost::asio::ip::tcp::socket socket, SessionContext& context, StreamPrincipal who)
    : StreamSession(context, std::move(who)), socket_(std::move(socket)) {}

void SseSession::start(const ResolvedStream& stream, unsigned http_version) {
  if (!begin()) return;
  chunked_ = http_version >= 11;
  subscriptions_.add(stream, make_sink([](const StreamEvent& event) { return sse_event_frame(event); },
                                       stream.drop_notifications));
  std::string first = sse_response_head(chunked_);
  first += chunked_ ? http_chunk(kSseHello) : std::string(kSseHello);
  write(std::move(first));
  watch_for_close();
}

void SseSession::close_now() {
  if (closed_) return;
  end();
  boost::system::error_code ignored;
  socket_.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

// The client says nothing after its request; a read completing means it hung up (or misbehaves).
void SseSession::watch_for_close() {
  socket_.async_read_some(boost::asio::buffer(discard_),
                          [self = self()](const boost::system::error_code& ec, size_t) {
                            if (self->closed_) return;
                            if (ec) {
                              self->close_now();
                              return;
                            }
                            self->watch_for_close();
                          });
}

void SseSession::on_wake() {
  auto frame = next_frame("event stream");
  if (!frame) return;
  write(chunked_ ? http_chunk(*frame) : std::move(*frame));
}

void SseSession::on_tick() { enqueue(std::string(kSseHeartbeat)); }

void SseSession::write(std::string bytes) {
  wire_ = std::move(bytes);
  write_started();
  boost::asio::async_write(socket_, boost::asio::buffer(wire_),
                           [self = self()](const boost::system::error_code& ec, size_t) {
                             self->write_finished();
                             if (self->closed_) return;
                             if (ec) {
                               self->close_now();
                               return;
                             }
                             self->on_wake();
                           });
}

}  // namespace vmst::streaming
