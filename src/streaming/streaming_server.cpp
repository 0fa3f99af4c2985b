#include "streaming/streaming_server.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>
#include <stdexcept>

#include "streaming/http_session.hpp"

namespace vmst::streaming {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
// Sessions close their sockets at once on stop; this is only the bound for a handler that does not finish.
constexpr auto kStopGrace = std::chrono::seconds(2);
}  // namespace

StreamingServer::StreamingServer(StreamingOptions options, EventBus& bus, StreamingCallbacks callbacks)
    : options_(std::move(options)),
      callbacks_(std::move(callbacks)),
      bus_(bus),
      context_{options_, callbacks_, bus_, lookups_, registry_, io_.get_executor()} {}

StreamingServer::~StreamingServer() { stop(); }

void StreamingServer::start() {
  const std::string address = options_.host + ":" + std::to_string(options_.port);
  try {
    tcp::resolver resolver(io_);
    auto results = resolver.resolve(options_.host, std::to_string(options_.port), tcp::resolver::passive);
    if (results.empty()) throw std::runtime_error("no address");
    tcp::endpoint endpoint = *results.begin();
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
  } catch (const std::exception& e) {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    throw std::runtime_error("cannot listen for streaming on " + address + ": " + e.what());
  }

  lookups_.start();
  accept_next();
  std::promise<void> finished;
  io_finished_ = finished.get_future();
  thread_ = std::thread([this, finished = std::move(finished)]() mutable {
    while (true) {
      try {
        io_.run();
        break;
      } catch (const std::exception& e) {
        spdlog::error("streaming: unexpected error on the io thread: {}", e.what());
      } catch (...) {
        spdlog::error("streaming: unexpected error on the io thread");
      }
    }
    finished.set_value();
  });
}

void StreamingServer::accept_next() {
  acceptor_.async_accept(io_, [this](const boost::system::error_code& ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of file descriptors, most likely: wait instead of spinning on the error.
      spdlog::warn("streaming: accept failed: {}", ec.message());
      accept_retry_.expires_after(std::chrono::milliseconds(200));
      accept_retry_.async_wait([this](const boost::system::error_code& wait_ec) {
        if (!wait_ec && acceptor_.is_open()) accept_next();
      });
      return;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    std::make_shared<HttpSession>(std::move(socket), context_)->start();
    accept_next();
  });
}

void StreamingServer::stop() {
  if (!thread_.joinable()) return;
  asio::post(io_, [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    accept_retry_.cancel();
    registry_.close_all();
  });
  // Once every socket is closed the io loop runs out of work and returns; stop it anyway if something lingers.
  if (io_finished_->wait_for(kStopGrace) != std::future_status::ready) {
    spdlog::warn("streaming: connections did not close within {} s; stopping the io loop", kStopGrace.count());
    io_.stop();
  }
  thread_.join();
  lookups_.stop();
}

}  // namespace vmst::streaming
