// The CPU time gumbo needs for 1 MiB of ordinary remote markup (kMaxRemoteHtmlBytes, the most a status or profile
// can bring), set against the parse's default time budget (html_fragment_parser.hpp): a parse that used it up would
// leave the status empty. Also the whole sanitiser (parse, then writing the kept tree) on the same input.
// Usage: vmst_remote_html_bench [RUNS]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "percentile.hpp"
#include "text/html_sanitizer.hpp"
#include "text/remote_html_input.hpp"

namespace {

double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace vmst::text;
  using vmst::bench::percentile;
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
  const std::string unit =
      R"(<p>Text with a <a href="https://example.com/p" class="mention">link</a> &amp; <b>bold</b>.</p>)";
  std::string input;
  while (input.size() + unit.size() <= kMaxRemoteHtmlBytes) input += unit;

  const HtmlParseBudget default_budget;
  HtmlParseBudget no_time_limit;
  no_time_limit.time = std::chrono::hours(1);
  std::vector<double> parse_ms, sanitise_ms;
  for (int run = 0; run < runs; ++run) {
    double started = thread_cpu_ms();
    const bool complete = parse_remote_html(input, no_time_limit).complete();
    parse_ms.push_back(thread_cpu_ms() - started);
    started = thread_cpu_ms();
    const std::string output = sanitize_remote_html(input);
    sanitise_ms.push_back(thread_cpu_ms() - started);
    if (!complete || output.empty()) std::printf("run %d: parse complete %d, sanitised %zu bytes\n", run, complete,
                                                 output.size());
  }
  const auto budget_ms = static_cast<double>(default_budget.time.count());
  std::printf("1 MiB of ordinary markup (%zu bytes), %d runs, CPU time of this thread:\n", input.size(), runs);
  const double parse_median = percentile(parse_ms, 0.5);
  std::printf("  parse: median %.0f ms (min %.0f, max %.0f) = %.0f%% of the %.0f ms budget\n", parse_median,
              percentile(parse_ms, 0), percentile(parse_ms, 1), 100 * parse_median / budget_ms, budget_ms);
  std::printf("  sanitise (parse and write): median %.0f ms\n", percentile(sanitise_ms, 0.5));
}
