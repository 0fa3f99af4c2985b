#include "text/thread_cpu_budget.hpp"

#include <time.h>

namespace vmst::text {
namespace {

std::chrono::nanoseconds thread_cpu_time() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

}  // namespace

ThreadCpuBudget::ThreadCpuBudget(std::chrono::nanoseconds budget)
    : budget_(budget), cpu_time_at_start_(thread_cpu_time()) {
  const auto now = std::chrono::steady_clock::now();
  next_check_ = now + budget;
  wall_clock_limit_ = now + 4 * budget;
}

bool ThreadCpuBudget::exhausted() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_check_) return false;  // CPU time never runs faster than the wall clock
  if (now >= wall_clock_limit_) return true;
  const std::chrono::nanoseconds used = thread_cpu_time() - cpu_time_at_start_;
  if (used >= budget_) return true;
  next_check_ = now + (budget_ - used);
  return false;
}

}  // namespace vmst::text
