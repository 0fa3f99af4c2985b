#pragma once
// A limit on the CPU time the calling thread spends on one task.
#include <chrono>

namespace vmst::text {

// Asked often (on every allocation of a parse), so it mostly reads the cheap steady clock and reads the thread's
// CPU time, a system call, only once the wall-clock time could have used up the budget. Counting CPU rather than
// wall-clock time keeps a busy machine from cutting work short; wall-clock time still ends it at four times the
// budget, however little CPU the thread was given.
class ThreadCpuBudget {
 public:
  explicit ThreadCpuBudget(std::chrono::nanoseconds budget);
  bool exhausted();

 private:
  std::chrono::nanoseconds budget_;
  std::chrono::nanoseconds cpu_time_at_start_;
  std::chrono::steady_clock::time_point next_check_;
  std::chrono::steady_clock::time_point wall_clock_limit_;
};

}  // namespace vmst::text
