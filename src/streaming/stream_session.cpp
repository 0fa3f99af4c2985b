#include "streaming/stream_session.hpp"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace vmst::streaming {

StreamSession::StreamSession(SessionContext& context, StreamPrincipal who)
    : context_(context),
      who_(std::move(who)),
      queue_(std::make_shared<OutboundQueue>(context.options.max_queued_frames, context.options.max_queued_bytes)),
      subscriptions_(context.bus, who_.account_id, context.options.max_subscriptions_per_connection),
      tick_(context.io),
      token_recheck_(context.io) {}

bool StreamSession::begin() {
  registry_id_ = context_.registry.add(weak_from_this());
  if (registry_id_ == 0) return false;
  schedule_tick();
  schedule_token_recheck();
  return true;
}

void StreamSession::end() {
  closed_ = true;
  queue_->close();
  subscriptions_.clear();
  tick_.cancel();
  token_recheck_.cancel();
  if (registry_id_ != 0) context_.registry.remove(registry_id_);
  registry_id_ = 0;
}

EventSink StreamSession::make_sink(std::function<std::string(const StreamEvent&)> encode, bool drop_notifications) {
  std::weak_ptr<StreamSession> weak = weak_from_this();
  return [queue = queue_, encode = std::move(encode), drop_notifications, weak,
          io = context_.io](const std::shared_ptr<const StreamEvent>& event) {
    if (drop_notifications && event->event == "notification") return;
    auto pushed = queue->push(encode(*event));
    if (pushed != OutboundQueue::PushResult::Wake && pushed != OutboundQueue::PushResult::Overflowed) return;
    boost::asio::post(io, [weak] {
      if (auto session = weak.lock()) session->on_wake();
    });
  };
}

void StreamSession::enqueue(std::string frame) {
  auto pushed = queue_->push(std::move(frame));
  if (pushed == OutboundQueue::PushResult::Wake || pushed == OutboundQueue::PushResult::Overflowed) on_wake();
}

bool StreamSession::dropped_for_overflow(std::string_view transport) {
  if (!queue_->overflowed()) return false;
  spdlog::info("streaming: dropping account {}'s {}: it fell more than {} frames or {} bytes behind", who_.account_id,
               transport, context_.options.max_queued_frames, context_.options.max_queued_bytes);
  close_now();
  return true;
}

std::optional<std::string> StreamSession::next_frame(std::string_view transport) {
  if (closed_ || dropped_for_overflow(transport) || writing_) return std::nullopt;
  auto next = queue_->pop();
  switch (next.kind) {
    case OutboundQueue::Popped::Kind::Empty:
    case OutboundQueue::Popped::Kind::Closed:
      return std::nullopt;
    case OutboundQueue::Popped::Kind::Overflowed:
      close_now();  // it overflowed after the check above
      return std::nullopt;
    case OutboundQueue::Popped::Kind::Frame:
      break;
  }
  return std::move(next.frame);
}

void StreamSession::write_started() {
  writing_ = true;
  write_started_at_ = std::chrono::steady_clock::now();
}

void StreamSession::schedule_tick() {
  tick_.expires_after(context_.options.heartbeat_interval);
  tick_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || self->closed_) return;
    if (self->writing_ &&
        std::chrono::steady_clock::now() - self->write_started_at_ > self->context_.options.write_stall_timeout) {
      spdlog::info("streaming: dropping account {}'s connection: it has not read for {} ms", self->who_.account_id,
                   self->context_.options.write_stall_timeout.count());
      self->close_now();
      return;
    }
    self->on_tick();
    if (!self->closed_) self->schedule_tick();
  });
}

void StreamSession::schedule_token_recheck() {
  const auto& check_token = context_.callbacks.check_token;
  if (who_.token.empty() || !check_token) return;
  token_recheck_.expires_after(context_.options.token_recheck_interval);
  token_recheck_.async_wait([weak = weak_from_this()](const boost::system::error_code& ec) {
    auto self = weak.lock();
    if (ec || !self || self->closed_) return;
    self->context_.lookups.run(
        [check = self->context_.callbacks.check_token, token = self->who_.token] { return check(token); },
        self->context_.io, [weak](std::optional<std::optional<StreamPrincipal>> result) {
          auto session = weak.lock();
          if (!session || session->closed_) return;
          // A lookup that failed (the database busy) is no verdict: check again next time.
          if (result && !*result) {
            spdlog::info("streaming: closing account {}'s stream: its access token is no longer valid",
                         session->who_.account_id);
            session->close_now();
            return;
          }
          session->schedule_token_recheck();
        });
  });
}

}  // namespace vmst::streaming
