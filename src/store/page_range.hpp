#pragma once
// Mastodon's id-cursor paging as SQL. A page is read newest first below max_id and above since_id, or, with
// min_id, as the rows right after min_id (oldest first) and then reversed, so every caller gets newest first.
// Absent bounds are bound as the widest range rather than `? IS NULL OR ...`, which would keep SQLite from using
// them as a range on the index that orders the page.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace vmst::store {

struct PageRange {
  std::optional<int64_t> max_id;    // exclusive upper bound
  std::optional<int64_t> since_id;  // exclusive lower bound (newest page)
  std::optional<int64_t> min_id;    // exclusive lower bound (the page right after it)
  int limit = 20;

  bool ascending() const { return min_id.has_value(); }
  int64_t upper() const { return max_id.value_or(std::numeric_limits<int64_t>::max()); }
  int64_t lower() const { return min_id ? *min_id : since_id.value_or(std::numeric_limits<int64_t>::min()); }
};

// " AND col < ?N AND col > ?N+1 ORDER BY col DESC|ASC LIMIT ?N+2": append it to a WHERE clause and bind it with
// bind_paging(q, N, page).
inline std::string paging_clause(const std::string& column, int first, const PageRange& page) {
  const std::string n = std::to_string(first), m = std::to_string(first + 1), l = std::to_string(first + 2);
  return " AND " + column + " < ?" + n + " AND " + column + " > ?" + m + " ORDER BY " + column +
         (page.ascending() ? " ASC" : " DESC") + " LIMIT ?" + l;
}

inline void bind_paging(SQLite::Statement& q, int first, const PageRange& page) {
  q.bind(first, page.upper());
  q.bind(first + 1, page.lower());
  q.bind(first + 2, page.limit);
}

// One row of a paged list whose cursor is not the id of what it lists (a follows row id for an account).
struct PagedId {
  int64_t cursor = 0;
  int64_t id = 0;
};

// Rows read in page order, turned newest first.
template <class T>
std::vector<T> newest_first(std::vector<T> rows, const PageRange& page) {
  if (page.ascending()) std::reverse(rows.begin(), rows.end());
  return rows;
}

}  // namespace vmst::store
