#include "streaming/http_session.hpp"

#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include "streaming/request_auth.hpp"
#include "streaming/request_target.hpp"
#include "streaming/sse_session.hpp"
#include "streaming/websocket_session.hpp"

namespace vmst::streaming {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;

namespace {

constexpr std::string_view kStreamingRoot = "/api/v1/streaming";
constexpr std::string_view kHealthPath = "/api/v1/streaming/health";
constexpr std::string_view kInvalidToken = "The access token is invalid";
constexpr size_t kMaxRequestBody = 16 * 1024;  // streaming requests have none; a small one is read and ignored

bool under_streaming_root(std::string_view path) {
  return path == kStreamingRoot || (path.rfind(kStreamingRoot, 0) == 0 && path[kStreamingRoot.size()] == '/');
}

HttpResponse refuse(const HttpRequest& request, http::status status, std::string_view message) {
  auto response = json_error_response(request, status, message);
  // A refused upgrade leaves nothing to keep alive: the client wanted a WebSocket.
  if (websocket::is_upgrade(request)) response.keep_alive(false);
  return response;
}

http::status to_status(int code) { return code == 401 ? http::status::unauthorized : http::status::bad_request; }

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, SessionContext& context)
    : context_(context), stream_(std::move(socket)) {}

void HttpSession::start() {
  registry_id_ = context_.registry.add(weak_from_this());
  if (registry_id_ == 0) return;
  read_request();
}

void HttpSession::close_now() {
  if (closed_) return;
  closed_ = true;
  context_.registry.remove(registry_id_);
  beast::error_code ignored;
  stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

void HttpSession::hand_over() {
  closed_ = true;
  context_.registry.remove(registry_id_);
}

void HttpSession::read_request() {
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(context_.options.max_request_header_bytes));
  parser_->body_limit(kMaxRequestBody);
  stream_.expires_after(context_.options.request_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](const boost::system::error_code& ec, size_t) { self->on_read(ec); });
}

void HttpSession::on_read(const boost::system::error_code& ec) {
  if (closed_) return;
  if (ec) {
    if (ec != http::error::end_of_stream && ec != beast::error::timeout && ec != boost::asio::error::operation_aborted &&
        ec != boost::asio::error::connection_reset) {
      // A request we cannot parse (too large, malformed): say so once, then hang up.
      HttpRequest request{http::verb::get, "/", 11};
      request.keep_alive(false);
      respond(json_error_response(request, http::status::bad_request, "Malformed request: " + ec.message()));
      return;
    }
    close_now();
    return;
  }
  route(parser_->release());
}

void HttpSession::route(HttpRequest request) {
  auto target = parse_request_target(to_std(request.target()));
  if (request.method() == http::verb::options) return respond(preflight_response(request));
  if (request.method() != http::verb::get) return respond(refuse(request, http::status::not_found, "Not found"));
  if (target.path == kHealthPath) return respond(health_response(request));
  if (!under_streaming_root(target.path)) return respond(refuse(request, http::status::not_found, "Not found"));

  if (websocket::is_upgrade(request)) {
    if (target.path != kStreamingRoot) return respond(refuse(request, http::status::not_found, "Not found"));
    authenticate(std::move(request), [this](HttpRequest req, StreamPrincipal who) {
      open_websocket(std::move(req), std::move(who));
    });
    return;
  }

  // As Mastodon, an unknown channel is refused before the token is looked at.
  auto stream = stream_from_sse_path(target.path, target.query);
  if (!stream) return respond(refuse(request, http::status::bad_request, kUnknownChannel));
  authenticate(std::move(request), [this, stream = std::move(*stream)](HttpRequest req, StreamPrincipal who) {
    open_sse(std::move(req), std::move(who), stream);
  });
}

void HttpSession::authenticate(HttpRequest request, std::function<void(HttpRequest, StreamPrincipal)> open) {
  auto target = parse_request_target(to_std(request.target()));
  auto token = find_access_token(to_std(request[http::field::authorization]),
                                 to_std(request[http::field::sec_websocket_protocol]),
                                 target.query);
  const auto& check_token = context_.callbacks.check_token;
  if (!token || !check_token) return respond(refuse(request, http::status::unauthorized, kInvalidToken));

  // On the lookup thread: the app's check reads SQLite, and the io thread serves every open stream.
  context_.lookups.run([check_token, token = *token] { return check_token(token); }, context_.io,
                       [self = shared_from_this(), request = std::move(request), open = std::move(open),
                        token = *token](
                           std::optional<std::optional<StreamPrincipal>> result) mutable {
                         if (self->closed_) return;
                         if (!result) {
                           self->respond(refuse(request, http::status::service_unavailable,
                                                "The access token could not be checked; try again"));
                         } else if (!*result) {
                           self->respond(refuse(request, http::status::unauthorized, kInvalidToken));
                         } else {
                           (*result)->token = token;
                           open(std::move(request), std::move(**result));
                         }
                       });
}

void HttpSession::open_websocket(HttpRequest request, StreamPrincipal who) {
  auto target = parse_request_target(to_std(request.target()));
  auto protocol = protocol_to_echo(to_std(request[http::field::sec_websocket_protocol]));
  auto initial = stream_from_websocket_query(target.query);
  auto session = std::make_shared<WebSocketSession>(std::move(stream_), context_, std::move(who));
  hand_over();
  session->start(std::move(request), std::move(protocol), std::move(initial));
}

void HttpSession::open_sse(HttpRequest request, StreamPrincipal who, StreamRequest stream) {
  auto resolved = resolve_stream(stream, who);
  if (auto* error = std::get_if<StreamError>(&resolved)) {
    return respond(refuse(request, to_status(error->status), error->message));
  }
  auto start = [self = shared_from_this(), version = request.version()](StreamPrincipal principal,
                                                                         const ResolvedStream& checked) {
    auto session = std::make_shared<SseSession>(self->stream_.release_socket(), self->context_, std::move(principal));
    self->hand_over();
    session->start(checked, version);
  };
  auto checked = std::get<ResolvedStream>(std::move(resolved));
  if (!checked.list_to_check) return start(std::move(who), checked);

  const auto& owns_list = context_.callbacks.owns_list;
  if (!owns_list) return respond(refuse(request, http::status::unauthorized, kListNotAuthorized));
  int64_t viewer = who.account_id;
  int64_t list_id = *checked.list_to_check;
  context_.lookups.run([owns_list, viewer, list_id] { return owns_list(viewer, list_id); }, context_.io,
                       [self = shared_from_this(), request = std::move(request), who = std::move(who),
                        checked = std::move(checked), start](std::optional<bool> owned) mutable {
                         if (self->closed_) return;
                         if (!owned.value_or(false)) {
                           return self->respond(refuse(request, http::status::unauthorized, kListNotAuthorized));
                         }
                         start(std::move(who), checked);
                       });
}

void HttpSession::respond(HttpResponse response) {
  response_ = std::make_shared<HttpResponse>(std::move(response));
  stream_.expires_after(context_.options.request_timeout);
  http::async_write(stream_, *response_, [self = shared_from_this()](const boost::system::error_code& ec, size_t) {
    if (self->closed_) return;
    if (ec || !self->response_->keep_alive()) {
      self->close_now();
      return;
    }
    self->read_request();
  });
}

}  // namespace vmst::streaming
