#include "streaming/event_bus.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "streaming/topics.hpp"

using namespace vmst::streaming;

namespace {

struct Recorder {
  std::vector<std::string> events;
  EventSink sink() {
    return [this](const std::shared_ptr<const StreamEvent>& e) { events.push_back(e->event + ":" + e->payload.value_or("")); };
  }
};

StreamEvent update(std::string payload, std::vector<int64_t> involved = {}) {
  return StreamEvent{"update", std::move(payload), std::move(involved)};
}

}  // namespace

TEST_CASE("a published event reaches every subscriber of its topic and no other topic", "[streaming][bus]") {
  EventBus bus;
  Recorder a, b, other;
  bus.subscribe(topics::user(1), 1, a.sink());
  bus.subscribe(topics::user(1), 1, b.sink());
  bus.subscribe(topics::user(2), 2, other.sink());

  CHECK(bus.publish(topics::user(1), update("{}")) == 2);
  CHECK(a.events == std::vector<std::string>{"update:{}"});
  CHECK(b.events == std::vector<std::string>{"update:{}"});
  CHECK(other.events.empty());
  CHECK(bus.publish("public", update("{}")) == 0);
  CHECK(bus.subscriber_count(topics::user(1)) == 2);
}

TEST_CASE("an unsubscribed sink gets nothing more and an emptied topic is forgotten", "[streaming][bus]") {
  EventBus bus;
  Recorder a, b;
  auto id_a = bus.subscribe("public", 1, a.sink());
  auto id_b = bus.subscribe("public", 2, b.sink());
  bus.unsubscribe(id_a);
  bus.publish("public", update("x"));
  CHECK(a.events.empty());
  CHECK(b.events.size() == 1);
  bus.unsubscribe(id_b);
  bus.unsubscribe(id_b);  // twice is harmless
  CHECK(bus.subscriber_count("public") == 0);
  CHECK(bus.publish("public", update("y")) == 0);
}

TEST_CASE("hidden_from_viewer hides events on public, hashtag and list topics only", "[streaming][bus]") {
  // Viewer 1 blocked account 99.
  EventBus bus([](int64_t viewer, const std::vector<int64_t>& involved) {
    return viewer == 1 && std::find(involved.begin(), involved.end(), 99) != involved.end();
  });
  Recorder pub1, pub2, tag1, list1, home1, notes1;
  bus.subscribe(topics::public_local(), 1, pub1.sink());
  bus.subscribe(topics::public_local(), 2, pub2.sink());
  bus.subscribe(topics::hashtag("cats"), 1, tag1.sink());
  bus.subscribe(topics::list(7), 1, list1.sink());
  bus.subscribe(topics::user(1), 1, home1.sink());
  bus.subscribe(topics::user_notification(1), 1, notes1.sink());

  for (const auto& topic : {topics::public_local(), topics::hashtag("cats"), topics::list(7), topics::user(1),
                            topics::user_notification(1)}) {
    bus.publish(topic, update("from-99", {99, 5}));
    bus.publish(topic, update("from-5", {5}));
  }
  CHECK(pub1.events == std::vector<std::string>{"update:from-5"});
  CHECK(pub2.events == std::vector<std::string>{"update:from-99", "update:from-5"});
  CHECK(tag1.events == std::vector<std::string>{"update:from-5"});
  CHECK(list1.events == std::vector<std::string>{"update:from-5"});
  // Personal topics are filtered when the event is made, not here.
  CHECK(home1.events.size() == 2);
  CHECK(notes1.events.size() == 2);
}

TEST_CASE("one publish on several topics checks each viewer once", "[streaming][bus]") {
  int checks = 0;
  EventBus bus([&](int64_t, const std::vector<int64_t>&) {
    ++checks;
    return false;
  });
  Recorder pub, local, tag, other_viewer;
  bus.subscribe("public", 1, pub.sink());
  bus.subscribe("public:local", 1, local.sink());
  bus.subscribe(topics::hashtag("cats"), 1, tag.sink());
  bus.subscribe("public", 2, other_viewer.sink());
  auto where = topics::public_topics(true, false);
  where.push_back(topics::hashtag("Cats"));
  CHECK(bus.publish(where, update("s", {5})) == 4);
  CHECK(checks == 2);
  CHECK(pub.events.size() == 1);
  CHECK(local.events.size() == 1);
  CHECK(tag.events.size() == 1);

  // Without involved accounts there is nothing to check.
  bus.publish("public", StreamEvent{"delete", "123", {}});
  CHECK(checks == 2);
}

TEST_CASE("a hiding check that throws withholds the event, and a sink that throws does not stop the others",
          "[streaming][bus]") {
  EventBus bus([](int64_t viewer, const std::vector<int64_t>&) -> bool {
    if (viewer == 1) throw std::runtime_error("database is locked");
    return false;
  });
  Recorder one, two;
  bus.subscribe("public", 1, one.sink());
  bus.subscribe("public", 3, [](const std::shared_ptr<const StreamEvent>&) { throw std::runtime_error("boom"); });
  bus.subscribe("public", 2, two.sink());
  bus.publish("public", update("s", {5}));
  CHECK(one.events.empty());
  CHECK(two.events.size() == 1);
}

TEST_CASE("publishing from several threads while others subscribe and unsubscribe loses nothing",
          "[streaming][bus]") {
  EventBus bus;
  std::atomic<int> received{0};
  bus.subscribe("public", 1, [&](const std::shared_ptr<const StreamEvent>&) { ++received; });
  std::atomic<bool> done{false};
  std::thread churn([&] {
    while (!done) {
      auto id = bus.subscribe("public", 2, [](const std::shared_ptr<const StreamEvent>&) {});
      bus.unsubscribe(id);
    }
  });
  std::vector<std::thread> publishers;
  for (int t = 0; t < 4; ++t) {
    publishers.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) bus.publish("public", update("x"));
    });
  }
  for (auto& p : publishers) p.join();
  done = true;
  churn.join();
  CHECK(received == 8000);
}
