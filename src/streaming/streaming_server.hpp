#pragma once
// The streaming listener: Mastodon's streaming API (WebSocket and server-sent events) on its own address, inside the
// vmst process. cpp-httplib, the main HTTP server, has no WebSocket and holds a thread per open connection; here ONE
// io thread serves every connection asynchronously, so hundreds of idle streams cost sockets and a little memory,
// not threads. A second thread runs the injected checks that read the database (LookupThread).
//
// Events come from the EventBus (publishers on any thread); the bus must outlive the server.
//
// Threads: start(), stop() and port() from the owning thread; the io thread never lets an exception escape (each
// one is logged and the loop resumes).
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <future>
#include <optional>
#include <thread>

#include "streaming/event_bus.hpp"
#include "streaming/lookup_thread.hpp"
#include "streaming/session_context.hpp"
#include "streaming/session_registry.hpp"
#include "streaming/streaming_options.hpp"

namespace vmst::streaming {

class StreamingServer {
 public:
  StreamingServer(StreamingOptions options, EventBus& bus, StreamingCallbacks callbacks = {});
  StreamingServer(const StreamingServer&) = delete;
  StreamingServer& operator=(const StreamingServer&) = delete;
  ~StreamingServer();  // stop()

  // Binds and listens (throws std::runtime_error naming the address when it cannot), then starts the threads.
  void start();
  int port() const { return port_; }
  // Closes the listener and every open connection, and joins both threads. Idempotent.
  void stop();

  // Connections open now (streams and connections still in their HTTP request), from any thread.
  size_t connection_count() const { return registry_.count(); }

 private:
  void accept_next();

  StreamingOptions options_;
  StreamingCallbacks callbacks_;
  EventBus& bus_;
  boost::asio::io_context io_{1};
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  boost::asio::steady_timer accept_retry_{io_};
  SessionRegistry registry_;
  LookupThread lookups_;
  SessionContext context_;
  std::thread thread_;
  std::optional<std::future<void>> io_finished_;
  int port_ = 0;
};

}  // namespace vmst::streaming
