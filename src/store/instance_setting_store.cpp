#include "store/instance_setting_store.hpp"

namespace vmst::store {

std::optional<std::string> instance_setting_json(Connection& c, const std::string& key) {
  auto& q = c.prepare("SELECT value FROM instance_settings WHERE key = ?");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void put_instance_setting_json(Connection& c, const std::string& key, const std::string& value_json, int64_t now) {
  auto& q = c.prepare(
      "INSERT INTO instance_settings (key, value, updated_at) VALUES (?, ?, ?)"
      " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
  q.bind(1, key);
  q.bind(2, value_json);
  q.bind(3, now);
  q.exec();
}

void remove_instance_setting(Connection& c, const std::string& key) {
  auto& q = c.prepare("DELETE FROM instance_settings WHERE key = ?");
  q.bind(1, key);
  q.exec();
}

}  // namespace vmst::store
