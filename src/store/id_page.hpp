#pragma once
// Mastodon's id-cursor paging, as SQL: max_id and since_id are exclusive bounds of a newest-first page; min_id asks
// for the page right after it, so it is selected oldest first and handed back newest first. When min_id is given,
// since_id is ignored (as Mastodon's paginate_by_id does).
//
// The bounds are always bound as numbers (absent ones become the widest range) rather than `? IS NULL OR ...`,
// which would keep SQLite from using them as a range on the index that orders the page.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::store {

struct IdPage {
  std::optional<int64_t> max_id;
  std::optional<int64_t> since_id;
  std::optional<int64_t> min_id;
  int limit = 20;

  bool oldest_first() const { return min_id.has_value(); }
  int64_t upper() const { return max_id.value_or(std::numeric_limits<int64_t>::max()); }
  int64_t lower() const { return min_id ? *min_id : since_id.value_or(std::numeric_limits<int64_t>::min()); }
};

// " AND col < :upper AND col > :lower ORDER BY col DESC LIMIT :limit" (ASC for a min_id page). The statement
// binds them with bind_page().
inline std::string page_clause(std::string_view column, const IdPage& page) {
  std::string c(column);
  return " AND " + c + " < :upper AND " + c + " > :lower ORDER BY " + c + (page.oldest_first() ? " ASC" : " DESC") +
         " LIMIT :limit";
}

inline void bind_page(SQLite::Statement& q, const IdPage& page) {
  q.bind(":upper", page.upper());
  q.bind(":lower", page.lower());
  q.bind(":limit", page.limit);
}

// Rows read in page order, turned newest first.
template <class T>
std::vector<T> newest_first(std::vector<T> rows, const IdPage& page) {
  if (page.oldest_first()) std::reverse(rows.begin(), rows.end());
  return rows;
}

}  // namespace vmst::store
