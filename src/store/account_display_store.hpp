#pragma once
// Account rows as rendering reads them (Mastodon JSON, the public pages), for pages of statuses: the profile and
// its counters without the keys and the ActivityPub collection URLs. A local account's private key alone is about
// 2 KB, read and copied for every author of every page by find_accounts.
#include <cstdint>
#include <vector>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::store {

// The accounts that exist among ids, in no particular order. Left empty: note_source, public_key_id, public_key_pem,
// private_key_pem and the inbox, outbox, shared inbox, followers, following and featured URLs. Not for signing,
// verifying, federating or the owner's own view (use find_account(s) there). On a reader, from the record cache where
// it has them (record_caches.hpp).
std::vector<AccountRecord> find_accounts_for_display(Connection& c, const std::vector<int64_t>& ids);

}  // namespace vmst::store
