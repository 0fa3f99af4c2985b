#include "store/invite_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

namespace {

constexpr const char* kColumns = "SELECT id, code, max_uses, uses, expires_at, created_at FROM invites ";

InviteRecord read_invite(SQLite::Statement& q) {
  InviteRecord r;
  r.id = q.getColumn(0).getInt64();
  r.code = q.getColumn(1).getString();
  r.max_uses = column_int(q, 2);
  r.uses = q.getColumn(3).getInt64();
  r.expires_at = column_int(q, 4);
  r.created_at = q.getColumn(5).getInt64();
  return r;
}

}  // namespace

void insert_invite(Connection& c, const InviteRecord& invite) {
  auto& q = c.prepare("INSERT INTO invites (id, code, max_uses, uses, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, invite.id);
  q.bind(2, invite.code);
  bind_optional(q, 3, invite.max_uses);
  q.bind(4, invite.uses);
  bind_optional(q, 5, invite.expires_at);
  q.bind(6, invite.created_at);
  q.exec();
}

std::vector<InviteRecord> list_invites(Connection& c) {
  auto& q = c.prepare(std::string(kColumns) + "ORDER BY id DESC");
  std::vector<InviteRecord> out;
  while (q.executeStep()) out.push_back(read_invite(q));
  return out;
}

std::optional<InviteRecord> find_invite_by_code(Connection& c, const std::string& code) {
  auto& q = c.prepare(std::string(kColumns) + "WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  return read_invite(q);
}

void expire_invite(Connection& c, int64_t invite_id, int64_t now) {
  auto& q = c.prepare("UPDATE invites SET expires_at = ? WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)");
  q.bind(1, now);
  q.bind(2, invite_id);
  q.bind(3, now);
  q.exec();
}

bool use_invite(Connection& c, const std::string& code, int64_t user_id, int64_t now) {
  auto& q = c.prepare(
      "UPDATE invites SET uses = uses + 1 WHERE code = ?1 AND (max_uses IS NULL OR uses < max_uses)"
      " AND (expires_at IS NULL OR expires_at > ?2) RETURNING id");
  q.bind(1, code);
  q.bind(2, now);
  if (!q.executeStep()) return false;
  const int64_t invite_id = q.getColumn(0).getInt64();
  q.reset();
  auto& user = c.prepare("UPDATE users SET invite_id = ? WHERE id = ?");
  user.bind(1, invite_id);
  user.bind(2, user_id);
  user.exec();
  return true;
}

}  // namespace vmst::store
