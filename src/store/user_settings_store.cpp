#include "store/user_settings_store.hpp"

namespace vmst::store {

std::optional<std::string> user_settings_json(Connection& c, int64_t account_id) {
  auto& q = c.prepare("SELECT settings FROM users WHERE account_id = ?");
  q.bind(1, account_id);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace vmst::store
