#include "streaming/lookup_thread.hpp"

namespace vmst::streaming {

void LookupThread::start() {
  work_.emplace(context_.get_executor());
  thread_ = std::thread([this] {
    // Lookups catch their own exceptions; this loop is the last guard so none ends the process.
    while (true) {
      try {
        context_.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("streaming: lookup thread: {}", e.what());
      } catch (...) {
        spdlog::error("streaming: lookup thread: unknown exception");
      }
    }
  });
}

void LookupThread::stop() {
  if (!thread_.joinable()) return;
  work_.reset();
  context_.stop();
  thread_.join();
}

}  // namespace vmst::streaming
