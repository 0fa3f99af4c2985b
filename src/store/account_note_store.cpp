#include "store/account_note_store.hpp"

namespace vmst::store {

void set_account_note(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& comment) {
  if (comment.empty()) {
    auto& q = c.prepare("DELETE FROM account_notes WHERE account_id = ? AND target_account_id = ?");
    q.bind(1, account_id);
    q.bind(2, target_account_id);
    q.exec();
    return;
  }
  auto& q = c.prepare(
      "INSERT INTO account_notes (account_id, target_account_id, comment) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (account_id, target_account_id) DO UPDATE SET comment = ?3");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  q.bind(3, comment);
  q.exec();
}

void insert_endorsement(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now) {
  auto& q = c.prepare(
      "INSERT OR IGNORE INTO account_endorsements (account_id, target_account_id, created_at) VALUES (?, ?, ?)");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  q.bind(3, now);
  q.exec();
}

void delete_endorsement(Connection& c, int64_t account_id, int64_t target_account_id) {
  auto& q = c.prepare("DELETE FROM account_endorsements WHERE account_id = ? AND target_account_id = ?");
  q.bind(1, account_id);
  q.bind(2, target_account_id);
  q.exec();
}

}  // namespace vmst::store
