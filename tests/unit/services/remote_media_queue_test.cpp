#include "services/remote_media_queue.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <mutex>
#include <vector>

using namespace vmst;
using services::RemoteMediaJob;

namespace {

RemoteMediaJob attachment(int64_t id) { return {RemoteMediaJob::Kind::Attachment, id}; }

struct Recorder {
  std::mutex mutex;
  std::vector<RemoteMediaJob> ran;
  services::RemoteMediaQueue::Runner runner() {
    return [this](const RemoteMediaJob& job) {
      std::lock_guard lock(mutex);
      ran.push_back(job);
    };
  }
};

}  // namespace

TEST_CASE("the queue holds at most max_queued jobs and each job once", "[remote_media_queue]") {
  Recorder recorder;
  services::RemoteMediaQueue queue(recorder.runner(), {1, 2});
  CHECK(queue.request(attachment(1)));
  CHECK_FALSE(queue.request(attachment(1)));  // queued already
  // The same id for another use is another job.
  CHECK(queue.request({RemoteMediaJob::Kind::Avatar, 1}));
  CHECK_FALSE(queue.request(attachment(3)));  // full
  CHECK(queue.queued() == 2);

  CHECK(queue.run_pending() == 2);
  CHECK(recorder.ran == std::vector<RemoteMediaJob>{attachment(1), {RemoteMediaJob::Kind::Avatar, 1}});
  // Done jobs may be queued again (a pruned copy is fetched anew).
  CHECK(queue.request(attachment(1)));
}

TEST_CASE("a failing job is logged and does not stop the queue", "[remote_media_queue]") {
  int runs = 0;
  services::RemoteMediaQueue queue(
      [&](const RemoteMediaJob& job) {
        ++runs;
        if (job.id == 1) throw std::runtime_error("disk full");
      },
      {1, 10});
  queue.request(attachment(1));
  queue.request(attachment(2));
  CHECK(queue.run_pending() == 2);
  CHECK(runs == 2);
}

TEST_CASE("workers run requested jobs, and a waiting client's job goes first", "[remote_media_queue]") {
  Recorder recorder;
  services::RemoteMediaQueue queue(recorder.runner(), {2, 100});
  queue.start();
  CHECK(queue.run_and_wait(attachment(7), std::chrono::seconds(10)));
  {
    std::lock_guard lock(recorder.mutex);
    CHECK(recorder.ran == std::vector<RemoteMediaJob>{attachment(7)});
  }
  for (int64_t id = 10; id < 20; ++id) queue.request(attachment(id));
  CHECK(queue.run_and_wait(attachment(19), std::chrono::seconds(10)));  // queued already: waits for that one
  queue.stop();
  CHECK_FALSE(queue.request(attachment(30)));  // stopped
}

TEST_CASE("waiting gives up after the time allowed and never waits on a queue that is not running",
          "[remote_media_queue]") {
  std::atomic<bool> release{false};
  services::RemoteMediaQueue idle([](const RemoteMediaJob&) {}, {1, 10});
  CHECK_FALSE(idle.run_and_wait(attachment(1), std::chrono::seconds(5)));  // not started: at once

  services::RemoteMediaQueue slow(
      [&](const RemoteMediaJob&) {
        while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      },
      {1, 10});
  slow.start();
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(slow.run_and_wait(attachment(1), std::chrono::milliseconds(50)));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  release = true;
  slow.stop();
}

TEST_CASE("the queue keeps the memory of failing URLs its jobs and the media proxy share, bounded by its options",
          "[remote_media_queue]") {
  Recorder recorder;
  services::RemoteMediaQueue queue(recorder.runner(),
                                   {1, 10, services::FetchBackoffOptions{2, std::chrono::minutes(1), std::chrono::hours(1)}});
  for (const char* url : {"https://a.example/1", "https://a.example/2", "https://a.example/3"}) {
    queue.failures().record_failure(url);
  }
  CHECK(queue.failures().size() == 2);
  CHECK_FALSE(queue.failures().backing_off("https://a.example/1"));
  CHECK(queue.failures().backing_off("https://a.example/3"));
}
