#pragma once
// What moderators do to accounts, as Mastodon's admin actions and tootctl do it: approve or reject sign-ups,
// suspend, silence, change roles, delete. Every action is one write transaction that also records itself in
// admin_action_logs, and queues what other servers must hear:
// - suspending a local account refuses its tokens (until unsuspended) and sends an Update of its actor, now
//   `suspended: true` with an empty profile, to its followers' servers; unsuspending sends the full actor again;
// - suspending a remote account stops its follows of local accounts (Reject sent to its server), since the account
//   itself lives on at its origin;
// - deleting a local account sends a Delete of the actor to its followers' servers and to every other known
//   server, removes its statuses and follows, empties the profile and keeps the row, so the name stays taken.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct ModerationContext {
  store::Database& db;
  const federation::LocalUrls& urls;
  std::string domain;                       // our instance domain: "user@our.domain" is a local handle
  federation::EnqueueDelivery enqueue;      // null: nothing is sent
  std::function<void()> wake_delivery;      // null from the CLI (the server's delivery engine polls)
  std::optional<int64_t> moderator_account_id;  // unset when acting from the CLI
};

struct ModeratedAccount {
  store::AccountRecord account;
  std::optional<store::LocalAccountSummary> user;  // local accounts only
  bool deleted = false;                            // a local account an admin deleted
};

// Every local user's account, as `vmst account list` shows them.
struct LocalAccountListing {
  store::LocalAccountSummary summary;
  bool silenced = false;
  bool deleted = false;
};
std::vector<LocalAccountListing> list_local_accounts_for_moderation(store::Database& db);

// `handle` is "user", "@user", "user@domain" or "@user@domain". ServiceError NotFound for an unknown account.
ModeratedAccount find_moderated_account(const ModerationContext& ctx, const std::string& handle);

// Local sign-ups waiting for approval. ServiceError Conflict when the account is not pending.
ModeratedAccount approve_account(const ModerationContext& ctx, const std::string& handle);
// Deletes the pending sign-up outright (its name is free again).
void reject_account(const ModerationContext& ctx, const std::string& handle);

// ServiceError Conflict when the account already is (or is not) suspended/silenced; local or remote accounts.
struct SuspensionResult {
  ModeratedAccount moderated;
  int inboxes = 0;  // servers told
};
SuspensionResult suspend_account(const ModerationContext& ctx, const std::string& handle);
SuspensionResult unsuspend_account(const ModerationContext& ctx, const std::string& handle);
ModeratedAccount silence_account(const ModerationContext& ctx, const std::string& handle);
ModeratedAccount unsilence_account(const ModerationContext& ctx, const std::string& handle);

// role: user | moderator | admin (ServiceError Invalid otherwise).
ModeratedAccount set_account_role(const ModerationContext& ctx, const std::string& handle, const std::string& role);

struct DeletionResult {
  std::string username;
  int statuses_deleted = 0;
  int inboxes = 0;
};
// Local accounts only. A pending sign-up is removed outright, as reject does.
DeletionResult delete_local_account(const ModerationContext& ctx, const std::string& handle);

}  // namespace vmst::services
