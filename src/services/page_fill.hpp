#pragma once
// Filling a page when rows are dropped after they are read (statuses a `hide` filter removes). A page that comes
// back short tells clients the data has ended (the Link header then has no `next`), so further chunks are read past
// the last row seen until the page is full, the data ends, or max_rounds chunks were read.
#include <cstdint>
#include <vector>

#include "store/id_page.hpp"

namespace vmst::services {

// fetch(IdPage) returns rows newest first; cursor(row) is the id paging runs on; keep(rows) returns the rows to show
// (in the same order). Returns at most page.limit rows, newest first, from the right end for a min_id page.
template <class Row, class Fetch, class Cursor, class Keep>
std::vector<Row> fill_page(const store::IdPage& page, Fetch&& fetch, Cursor&& cursor, Keep&& keep, int max_rounds = 8) {
  std::vector<Row> kept;
  store::IdPage next = page;
  for (int round = 0; round < max_rounds; ++round) {
    std::vector<Row> chunk = fetch(next);
    if (chunk.empty()) break;
    const bool exhausted = chunk.size() < static_cast<size_t>(next.limit);
    const int64_t newest = cursor(chunk.front());
    const int64_t oldest = cursor(chunk.back());
    std::vector<Row> shown = keep(std::move(chunk));
    // A min_id page grows upwards (newer rows go in front); the others grow downwards.
    kept.insert(page.oldest_first() ? kept.begin() : kept.end(), std::make_move_iterator(shown.begin()),
                std::make_move_iterator(shown.end()));
    if (exhausted || kept.size() >= static_cast<size_t>(page.limit)) break;
    if (page.oldest_first()) {
      next.min_id = newest;
    } else {
      next.max_id = oldest;
    }
  }
  if (kept.size() > static_cast<size_t>(page.limit)) {
    const auto surplus = static_cast<std::ptrdiff_t>(kept.size() - static_cast<size_t>(page.limit));
    // A min_id page keeps the rows right after min_id, the oldest ones.
    if (page.oldest_first()) {
      kept.erase(kept.begin(), kept.begin() + surplus);
    } else {
      kept.resize(static_cast<size_t>(page.limit));
    }
  }
  return kept;
}

}  // namespace vmst::services
