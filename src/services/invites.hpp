#pragma once
// Invitations (Mastodon's invites): a code, optionally limited in uses and time, that lets someone sign up through
// POST /api/v1/accounts with `invite_code` even when instance.registrations is "closed", and without waiting for
// approval when it is "approval".
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/invite_store.hpp"

namespace vmst::services {

// "30m", "12h", "7d", "2w" (also "45s", "1d12h"; see time/duration_text) as milliseconds. ServiceError Invalid for
// anything else, zero included.
int64_t parse_duration_millis(const std::string& text);

struct NewInvite {
  std::optional<int64_t> max_uses;        // unset: unlimited; must be at least 1
  std::optional<std::string> expires_in;  // a duration as parse_duration_millis reads it; unset: never
};

store::InviteRecord create_invite(store::Database& db, const NewInvite& request);
std::vector<store::InviteRecord> list_invites(store::Database& db);
// Ends the invite now. ServiceError NotFound for an unknown code, Conflict when it already cannot be used.
store::InviteRecord revoke_invite(store::Database& db, const std::string& code);

// "active", "expired" or "used up" at `now`.
std::string invite_state(const store::InviteRecord& invite, int64_t now);
bool invite_usable(const store::InviteRecord& invite, int64_t now);

// True when the code names an invite usable now (checked again, and counted, when the account is created).
bool invite_code_usable(store::Database& db, const std::string& code);

}  // namespace vmst::services
