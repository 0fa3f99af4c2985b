#pragma once
// A remote actor that deleted itself (a Delete whose object is the actor, as Mastodon sends when an account goes):
// its account is removed as Mastodon removes it, with its statuses (their attachments and the boosts of them by
// others), its follows both ways, its favourites, the notifications it caused, its mentions and the account row,
// a batch per write transaction (services/purge_batches) so a large account never holds the database's writer for
// long. Live streams and home timelines hear of each status as its batch goes. The row goes last: if the server
// stops half-way, the Delete is still unprocessed in the inbox and its retry finishes the job. With the row goes the
// key, so what the actor sends later is refused (its server answers 410 for the key), and a repeated Delete of the
// now unknown actor is acknowledged and dropped without a fetch (federation/inbox_intake).
//
// Runs on the caller's thread (the inbox processor's), one batch after another.
#include <cstdint>
#include <filesystem>

#include "services/purge_batches.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Removes the remote account `account_id` entirely; the media files of what went are deleted from `media_root`
// after each batch commits. Nothing happens to a local or unknown account.
PurgeProgress delete_remote_account(store::Database& db, const std::filesystem::path& media_root, int64_t account_id,
                                    int batch_size = kPurgeBatchSize);

}  // namespace vmst::services
