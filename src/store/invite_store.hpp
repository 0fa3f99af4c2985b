#pragma once
// SQL for invites: codes that let someone sign up when registrations are closed or need approval.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct InviteRecord {
  int64_t id = 0;
  std::string code;
  std::optional<int64_t> max_uses;    // unset: unlimited
  int64_t uses = 0;
  std::optional<int64_t> expires_at;  // unset: never
  int64_t created_at = 0;
};

void insert_invite(Connection& c, const InviteRecord& invite);

// Every invite, newest first.
std::vector<InviteRecord> list_invites(Connection& c);

std::optional<InviteRecord> find_invite_by_code(Connection& c, const std::string& code);

// Ends the invite now (Mastodon's expire!): it stays listed, but no one can use it any more.
void expire_invite(Connection& c, int64_t invite_id, int64_t now);

// Counts one use of the invite and records it on the user, if the invite is still usable at `now` (not used up,
// not expired). Returns false, changing nothing, otherwise. The check and the count are one statement, so two
// sign-ups racing for the last use cannot both get it.
bool use_invite(Connection& c, const std::string& code, int64_t user_id, int64_t now);

}  // namespace vmst::store
