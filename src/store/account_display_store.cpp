#include "store/account_display_store.hpp"

#include <nlohmann/json.hpp>

#include "store/account_row.hpp"

namespace vmst::store {

namespace {

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

}  // namespace

std::vector<AccountRecord> find_accounts_for_display(Connection& c, const std::vector<int64_t>& ids) {
  std::vector<AccountRecord> out;
  if (ids.empty()) return out;
  auto& q = c.prepare(
      std::string("SELECT a.id, a.username, a.domain, a.actor_type, a.display_name, a.note, a.uri, a.url, ") +
      kAccountTailColumns + "WHERE a.id IN (SELECT value FROM json_each(?))");
  q.bind(1, nlohmann::json(ids).dump());
  while (q.executeStep()) {
    AccountRecord a;
    int i = 0;
    a.id = q.getColumn(i++).getInt64();
    a.username = q.getColumn(i++).getString();
    a.domain = optional_text(q.getColumn(i++));
    a.actor_type = q.getColumn(i++).getString();
    a.display_name = q.getColumn(i++).getString();
    a.note = q.getColumn(i++).getString();
    a.uri = q.getColumn(i++).getString();
    a.url = optional_text(q.getColumn(i++));
    read_account_tail(q, i, a);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace vmst::store
