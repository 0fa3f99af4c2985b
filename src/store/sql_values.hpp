#pragma once
// Small helpers every repository in store/ uses to move optional values and id lists in and out of SQLite.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vmst::store {

inline std::optional<std::string> column_text(SQLite::Statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getString();
}

inline std::optional<int64_t> column_int(SQLite::Statement& q, int column) {
  if (q.isColumnNull(column)) return std::nullopt;
  return q.getColumn(column).getInt64();
}

template <class T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

// A list of ids as a JSON array, for `IN (SELECT value FROM json_each(?))`: one prepared statement serves every
// list length.
inline std::string id_list(const std::vector<int64_t>& ids) { return nlohmann::json(ids).dump(); }

}  // namespace vmst::store
