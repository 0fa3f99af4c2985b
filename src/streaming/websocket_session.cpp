#include "streaming/websocket_session.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include "streaming/wire_format.hpp"

namespace vmst::streaming {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace http = boost::beast::http;

WebSocketSession::WebSocketSession(beast::tcp_stream stream, SessionContext& context, StreamPrincipal who)
    : StreamSession(context, std::move(who)), ws_(std::move(stream)) {}

void WebSocketSession::start(HttpRequest request, std::optional<std::string> protocol,
                             std::optional<StreamRequest> initial) {
  if (!begin()) return;
  // The websocket stream keeps its own timers; the TCP stream's would cut idle connections.
  beast::get_lowest_layer(ws_).expires_never();
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = context_.options.request_timeout;
  timeouts.idle_timeout = context_.options.heartbeat_interval * 2;  // a ping after half of it, as a heartbeat
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.set_option(websocket::stream_base::decorator([protocol](websocket::response_type& response) {
    response.set(http::field::server, "vmst");
    if (protocol) response.set(http::field::sec_websocket_protocol, *protocol);
  }));
  ws_.read_message_max(context_.options.max_client_message_bytes);
  ws_.async_accept(request, [self = self(), initial = std::move(initial)](const boost::system::error_code& ec) {
    self->on_accept(ec, initial);
  });
}

void WebSocketSession::close_now() {
  if (closed_) return;
  end();
  // Turning the timeouts off cancels Beast's ping timer, which would otherwise hold the io loop until it fires.
  websocket::stream_base::timeout off{};
  off.handshake_timeout = websocket::stream_base::none();
  off.idle_timeout = websocket::stream_base::none();
  off.keep_alive_pings = false;
  ws_.set_option(off);
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  beast::get_lowest_layer(ws_).close();
}

void WebSocketSession::on_accept(const boost::system::error_code& ec, std::optional<StreamRequest> initial) {
  if (closed_) return;
  if (ec) {
    spdlog::debug("streaming: WebSocket handshake failed: {}", ec.message());
    close_now();
    return;
  }
  if (initial) {
    subscribe(*initial);
  } else {
    read_next();
  }
}

void WebSocketSession::read_next() {
  if (closed_) return;
  ws_.async_read(buffer_, [self = self()](const boost::system::error_code& ec, size_t) { self->on_read(ec); });
}

void WebSocketSession::on_read(const boost::system::error_code& ec) {
  if (closed_) return;
  if (ec) {
    if (ec != websocket::error::closed) spdlog::debug("streaming: WebSocket read ended: {}", ec.message());
    close_now();
    return;
  }
  if (!ws_.got_text()) {
    // As Mastodon: the protocol is JSON text only.
    close_now();
    return;
  }
  auto message = parse_client_message(beast::buffers_to_string(buffer_.data()));
  buffer_.consume(buffer_.size());
  switch (message.type) {
    case ClientMessage::Type::Subscribe:
      subscribe(message.request);
      return;
    case ClientMessage::Type::Unsubscribe:
      unsubscribe(message.request);
      return;
    case ClientMessage::Type::Ignored:
      read_next();
      return;
  }
}

void WebSocketSession::subscribe(const StreamRequest& request) {
  auto resolved = resolve_stream(request, who_);
  if (auto* error = std::get_if<StreamError>(&resolved)) {
    send_error(*error);
    read_next();
    return;
  }
  auto stream = std::get<ResolvedStream>(std::move(resolved));
  if (subscriptions_.contains(stream.key)) {
    read_next();
    return;
  }
  if (!stream.list_to_check) {
    add(stream);
    read_next();
    return;
  }
  const auto& owns_list = context_.callbacks.owns_list;
  if (!owns_list) {
    send_error({401, std::string(kListNotAuthorized)});
    read_next();
    return;
  }
  int64_t viewer = who_.account_id;
  int64_t list_id = *stream.list_to_check;
  context_.lookups.run([owns_list, viewer, list_id] { return owns_list(viewer, list_id); }, context_.io,
                       [self = self(), stream = std::move(stream)](std::optional<bool> owned) {
                         if (self->closed_) return;
                         if (owned.value_or(false)) {
                           self->add(stream);
                         } else {
                           self->send_error({401, std::string(kListNotAuthorized)});
                         }
                         self->read_next();
                       });
}

void WebSocketSession::unsubscribe(const StreamRequest& request) {
  auto resolved = resolve_stream(request, who_);
  if (auto* error = std::get_if<StreamError>(&resolved)) {
    send_error(*error);
  } else {
    subscriptions_.remove(std::get<ResolvedStream>(resolved).key);
  }
  read_next();
}

void WebSocketSession::add(const ResolvedStream& stream) {
  auto prefix = websocket_frame_prefix(stream.stream);
  auto sink = make_sink([prefix](const StreamEvent& event) { return websocket_event_frame(prefix, event); },
                        stream.drop_notifications);
  if (subscriptions_.add(stream, sink) == SubscriptionSet::AddResult::TooMany) {
    send_error({400, "Too many subscriptions on this connection (at most " +
                         std::to_string(context_.options.max_subscriptions_per_connection) + ")"});
  }
}

void WebSocketSession::send_error(const StreamError& error) {
  enqueue(websocket_error_frame(error.message, error.status));
}

void WebSocketSession::on_wake() {
  auto frame = next_frame("WebSocket");
  if (!frame) return;
  frame_ = std::move(*frame);
  write_started();
  ws_.text(true);
  ws_.async_write(boost::asio::buffer(frame_), [self = self()](const boost::system::error_code& ec, size_t) {
    self->write_finished();
    if (self->closed_) return;
    if (ec) {
      spdlog::debug("streaming: WebSocket write failed: {}", ec.message());
      self->close_now();
      return;
    }
    self->on_wake();
  });
}

}  // namespace vmst::streaming
