#include <algorithm>

#include "text/text_scanners.hpp"

namespace vmst::text {

std::vector<TokenSpan> without_overlaps(std::vector<TokenSpan> spans) {
  // Spans of different kinds never start at the same character (each starts with its own sigil or scheme), so
  // the order among equal starts does not matter.
  std::stable_sort(spans.begin(), spans.end(),
                   [](const TokenSpan& a, const TokenSpan& b) { return a.begin < b.begin; });
  std::vector<TokenSpan> kept;
  kept.reserve(spans.size());
  for (const TokenSpan& span : spans) {
    if (!kept.empty() && kept.back().end > span.begin) continue;
    kept.push_back(span);
  }
  return kept;
}

}  // namespace vmst::text
