#pragma once
// The one statistic every benchmark here reports: a percentile of its samples (0.5 the median, 1.0 the maximum).
#include <algorithm>
#include <cstddef>
#include <vector>

namespace vmst::bench {

inline double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace vmst::bench
