#include "services/invites.hpp"

#include "crypto/random_bytes.hpp"
#include "services/service_error.hpp"
#include "store/account_moderation_store.hpp"
#include "store/ids.hpp"
#include "time/duration_text.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

// Letters and digits without the ones people confuse (0/O, 1/l/I), as Mastodon's codes.
constexpr std::string_view kCodeAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr size_t kCodeLength = 8;

std::string generate_code() {
  std::string code;
  // 256 is not a multiple of the alphabet size: bytes past the last whole multiple are skipped, so no
  // character is likelier than another.
  const size_t limit = 256 - 256 % kCodeAlphabet.size();
  while (code.size() < kCodeLength) {
    for (unsigned char byte : crypto::random_bytes(16)) {
      if (byte >= limit || code.size() == kCodeLength) continue;
      code += kCodeAlphabet[byte % kCodeAlphabet.size()];
    }
  }
  return code;
}

void log_invite_action(store::Connection& c, const std::string& action, const store::InviteRecord& invite,
                       int64_t now) {
  store::AdminAction entry;
  entry.account_id = std::nullopt;
  entry.action = action;
  entry.target_type = "Invite";
  entry.target_id = std::to_string(invite.id);
  entry.summary = invite.code;
  entry.created_at = now;
  store::insert_admin_action(c, entry);
}

}  // namespace

int64_t parse_duration_millis(const std::string& text) {
  auto millis = vmst::parse_duration_millis(text);
  // An invite that expires at once is a typo, not a wish.
  if (!millis || *millis <= 0) {
    throw ServiceError(Kind::Invalid, "duration \"" + text + "\" is not valid: use a number and a unit, "
                                      "s, m, h, d or w (e.g. 30m, 12h, 7d)");
  }
  return *millis;
}

std::string invite_state(const store::InviteRecord& invite, int64_t now) {
  if (invite.expires_at && *invite.expires_at <= now) return "expired";
  if (invite.max_uses && invite.uses >= *invite.max_uses) return "used up";
  return "active";
}

bool invite_usable(const store::InviteRecord& invite, int64_t now) { return invite_state(invite, now) == "active"; }

store::InviteRecord create_invite(store::Database& db, const NewInvite& request) {
  if (request.max_uses && *request.max_uses < 1) {
    throw ServiceError(Kind::Invalid, "--uses must be at least 1 (leave it out for unlimited uses)");
  }
  const int64_t now = now_millis();
  store::InviteRecord invite;
  invite.id = store::next_id();
  invite.max_uses = request.max_uses;
  invite.created_at = now;
  if (request.expires_in) invite.expires_at = now + parse_duration_millis(*request.expires_in);
  return db.write([&](store::Connection& c) {
    do {
      invite.code = generate_code();
    } while (store::find_invite_by_code(c, invite.code));
    store::insert_invite(c, invite);
    log_invite_action(c, "create_invite", invite, now);
    return invite;
  });
}

std::vector<store::InviteRecord> list_invites(store::Database& db) {
  return db.read([](store::Connection& c) { return store::list_invites(c); });
}

store::InviteRecord revoke_invite(store::Database& db, const std::string& code) {
  return db.write([&](store::Connection& c) {
    auto invite = store::find_invite_by_code(c, code);
    if (!invite) throw ServiceError(Kind::NotFound, "no invite with code \"" + code + "\"");
    const int64_t now = now_millis();
    if (!invite_usable(*invite, now)) {
      throw ServiceError(Kind::Conflict, "invite " + code + " is already " + invite_state(*invite, now));
    }
    store::expire_invite(c, invite->id, now);
    log_invite_action(c, "expire_invite", *invite, now);
    invite->expires_at = now;
    return *invite;
  });
}

bool invite_code_usable(store::Database& db, const std::string& code) {
  auto invite = db.read([&](store::Connection& c) { return store::find_invite_by_code(c, code); });
  return invite && invite_usable(*invite, now_millis());
}

}  // namespace vmst::services
