#include "store/status_edit_poll_store.hpp"

namespace vmst::store {

void set_status_edit_poll_options(Connection& c, int64_t edit_id, const std::optional<std::string>& options_json) {
  auto& q = c.prepare("UPDATE status_edits SET poll_options = ? WHERE id = ?");
  if (options_json) q.bind(1, *options_json); else q.bind(1);
  q.bind(2, edit_id);
  q.exec();
}

std::unordered_map<int64_t, std::string> status_edit_poll_options(Connection& c, int64_t status_id) {
  auto& q = c.prepare("SELECT id, poll_options FROM status_edits WHERE status_id = ? AND poll_options IS NOT NULL");
  q.bind(1, status_id);
  std::unordered_map<int64_t, std::string> out;
  while (q.executeStep()) out.emplace(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  return out;
}

}  // namespace vmst::store
