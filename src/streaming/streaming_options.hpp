#pragma once
// Settings and injected checks of the streaming listener (app/ fills them from the config and the store).
#include <chrono>
#include <cstddef>
#include <string>

#include "streaming/stream_principal.hpp"

namespace vmst::streaming {

struct StreamingOptions {
  std::string host = "127.0.0.1";
  int port = 8081;  // 0 picks a free port (tests)
  size_t max_subscriptions_per_connection = 50;
  size_t max_client_message_bytes = 16 * 1024;   // a WebSocket message from a client (subscribe requests are tiny)
  size_t max_request_header_bytes = 16 * 1024;   // the HTTP request line and headers
  size_t max_queued_frames = 1000;               // per connection; a client further behind is dropped
  size_t max_queued_bytes = 4 * 1024 * 1024;     // per connection, the same
  std::chrono::milliseconds heartbeat_interval{15'000};    // SSE comment; WebSocket ping after this much silence
  std::chrono::milliseconds request_timeout{10'000};       // to send a request, and to finish a WebSocket handshake
  std::chrono::milliseconds write_stall_timeout{60'000};   // one write pending this long drops the client
  // How often an open stream's token is checked again: a revoked token, or a suspended or deleted account (which
  // the CLI may do from another process), closes its streams within this time.
  std::chrono::milliseconds token_recheck_interval{3'000};
};

struct StreamingCallbacks {
  TokenCheck check_token;  // unset: every token is refused
  OwnsList owns_list;      // unset: no list stream is allowed
};

}  // namespace vmst::streaming
