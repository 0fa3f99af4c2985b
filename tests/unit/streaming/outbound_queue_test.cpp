#include "streaming/outbound_queue.hpp"

#include <catch2/catch.hpp>

using namespace vmst::streaming;
using Kind = OutboundQueue::Popped::Kind;

TEST_CASE("the first push wakes the writer, later ones do not until the writer has drained the queue",
          "[streaming][queue]") {
  OutboundQueue q(10, 1000);
  CHECK(q.push("a") == OutboundQueue::PushResult::Wake);
  CHECK(q.push("b") == OutboundQueue::PushResult::Queued);
  auto first = q.pop();
  CHECK(first.kind == Kind::Frame);
  CHECK(first.frame == "a");
  CHECK(q.push("c") == OutboundQueue::PushResult::Queued);  // the writer is still draining
  CHECK(q.pop().frame == "b");
  CHECK(q.pop().frame == "c");
  CHECK(q.pop().kind == Kind::Empty);
  CHECK(q.push("d") == OutboundQueue::PushResult::Wake);
}

TEST_CASE("overflowing the frame bound closes the queue and says so once, even with a wake-up pending",
          "[streaming][queue]") {
  OutboundQueue q(2, 1000);
  CHECK(q.push("a") == OutboundQueue::PushResult::Wake);
  q.push("b");
  CHECK_FALSE(q.overflowed());
  CHECK(q.push("c") == OutboundQueue::PushResult::Overflowed);  // the session must be woken to drop the client
  CHECK(q.overflowed());
  CHECK(q.pop().kind == Kind::Overflowed);
  CHECK(q.push("d") == OutboundQueue::PushResult::Closed);
  CHECK(q.size() == 0);
}

TEST_CASE("overflowing the byte bound closes the queue too", "[streaming][queue]") {
  OutboundQueue q(100, 10);
  CHECK(q.push("12345") == OutboundQueue::PushResult::Wake);
  CHECK(q.pop().kind == Kind::Frame);
  CHECK(q.pop().kind == Kind::Empty);
  CHECK(q.push("123456") == OutboundQueue::PushResult::Wake);
  CHECK(q.push("123456") == OutboundQueue::PushResult::Overflowed);
  CHECK(q.push("1") == OutboundQueue::PushResult::Closed);
  CHECK(q.pop().kind == Kind::Overflowed);
}

TEST_CASE("a closed queue drops what it holds and refuses more", "[streaming][queue]") {
  OutboundQueue q(10, 1000);
  q.push("a");
  q.close();
  CHECK(q.pop().kind == Kind::Closed);
  CHECK(q.push("b") == OutboundQueue::PushResult::Closed);
}
