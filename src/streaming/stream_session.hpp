#pragma once
// What WebSocket and SSE connections share once a stream is open: the bounded queue of frames, the bus
// subscriptions, the wake-up of the io thread by publishers, the heartbeat tick and the stalled-writer check.
// Transports (websocket_session, sse_session) add how frames are encoded and written.
//
// Threads: everything runs on the io thread except the sinks made by make_sink(), which run on publishers' threads
// and only touch the thread-safe queue and post a wake-up.
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "streaming/outbound_queue.hpp"
#include "streaming/session_context.hpp"
#include "streaming/stream_principal.hpp"
#include "streaming/subscription_set.hpp"

namespace vmst::streaming {

class StreamSession : public ClosableSession, public std::enable_shared_from_this<StreamSession> {
 public:
  StreamSession(const StreamSession&) = delete;
  StreamSession& operator=(const StreamSession&) = delete;

 protected:
  StreamSession(SessionContext& context, StreamPrincipal who);

  // Joins the registry and starts the tick. Call once the transport is open. False: the server is stopping and the
  // session was closed.
  bool begin();
  // Called after close_now() closed the transport: drops the queue, the subscriptions and the tick, leaves the
  // registry.
  void end();

  // Encodes each event with `encode` and queues it, waking the io thread when the writer is idle.
  EventSink make_sink(std::function<std::string(const StreamEvent&)> encode, bool drop_notifications);
  // A frame from the io thread itself: an error message, a heartbeat.
  void enqueue(std::string frame);

  // The transport writes what the queue holds, one frame at a time (io thread). It takes them with
  // next_frame(), since a wake-up also comes when the queue overflows behind a busy writer.
  virtual void on_wake() = 0;
  // The next frame for on_wake() to write, or nothing: the session is closed, a write is still in progress, the
  // queue is empty, or it overflowed (then the session is closed here).
  std::optional<std::string> next_frame(std::string_view transport);
  // Every heartbeat interval, after the stalled-writer check (io thread).
  virtual void on_tick() {}

  void write_started();
  void write_finished() { writing_ = false; }

  SessionContext& context_;
  StreamPrincipal who_;
  std::shared_ptr<OutboundQueue> queue_;
  SubscriptionSet subscriptions_;
  bool closed_ = false;
  bool writing_ = false;

 private:
  // Closes the session when its queue overflowed; true if it did.
  bool dropped_for_overflow(std::string_view transport);
  void schedule_tick();
  // Checks the token again every token_recheck_interval (on the lookup thread) and closes the session once it is
  // no longer valid.
  void schedule_token_recheck();

  boost::asio::steady_timer tick_;
  boost::asio::steady_timer token_recheck_;
  uint64_t registry_id_ = 0;
  std::chrono::steady_clock::time_point write_started_at_;
};

}  // namespace vmst::streaming
