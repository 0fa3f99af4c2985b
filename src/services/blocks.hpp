#pragma once
// Blocking accounts and (for oneself) whole domains. Runs inside the caller's write transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "services/outbox.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// As Mastodon's BlockService: follows both ways and pending requests end first (with Undo/Reject to a remote
// account), then the block is recorded and, for a remote account, a Block activity is sent. Blocking oneself does
// nothing.
void block(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
           const store::AccountRecord& target, int64_t now);

// Undo{Block} to a remote account when there was a block.
void unblock(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
             const store::AccountRecord& target, int64_t now);

// The remote account `blocker` blocks the local `target` (an incoming Block), as Mastodon's ActivityPub Block
// handler: the target's follow of the blocker ends with an Undo{Follow}, the blocker's follow of the target with a
// Reject{Follow}; pending requests either way are dropped without a word; the blocker's statuses leave the target's
// home feed. Recorded under the activity id so a bare-id Undo finds it. False when the block already existed.
bool record_incoming_block(store::Connection& c, Outbox& outbox, const store::AccountRecord& blocker,
                           const store::AccountRecord& target, const std::optional<std::string>& block_uri,
                           int64_t now);

// "Example.COM." -> "example.com"; ServiceError Invalid for an empty or malformed domain or this instance's own.
std::string normalize_blocked_domain(const std::string& domain, const std::string& local_domain);

// The user hides a whole server: followers from it are removed and its pending requests rejected (each told so),
// and nobody there can follow the user from now on. Existing follows of the user towards it stay, as in Mastodon.
void block_domain(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
                  const std::string& domain, int64_t now);
void unblock_domain(store::Connection& c, const store::AccountRecord& account, const std::string& domain);

}  // namespace vmst::services
