#include "services/purge_batches.hpp"

#include "media/media_storage.hpp"
#include "store/domain_block_store.hpp"
#include "store/domain_purge_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

PurgeProgress purge_next_batch(store::Connection& c, const PurgeTarget& target, int batch_size,
                               std::vector<std::string>& files) {
  PurgeProgress p;
  if (auto statuses = target.statuses(c, batch_size); !statuses.empty()) {
    if (target.announce_deleted_statuses) store::record_status_deletion_events(c, statuses);
    auto touched = store::local_statuses_answered_by(c, statuses);
    // Local boosts of them go too (ON DELETE CASCADE): their authors' status counts drop with them.
    for (const auto& [booster, boosts] : store::local_boosters_of(c, statuses)) {
      store::add_to_account_statuses(c, booster, -boosts, std::nullopt);
    }
    auto removed_files = store::delete_media_of_statuses(c, statuses);
    files.insert(files.end(), removed_files.begin(), removed_files.end());
    p.statuses = store::delete_purged_statuses(c, statuses);
    store::recount_statuses(c, touched);
    p.batches = 1;
    return p;
  }
  if (auto accounts = target.accounts(c, batch_size); !accounts.empty()) {
    auto touched = store::local_statuses_favourited_by(c, accounts);
    auto followers_and_followed = store::local_accounts_following_or_followed_by(c, accounts);
    auto removed_files = store::delete_media_of_accounts(c, accounts);
    files.insert(files.end(), removed_files.begin(), removed_files.end());
    p.accounts = store::delete_purged_accounts(c, accounts);
    store::recount_statuses(c, touched);
    store::recount_accounts(c, followers_and_followed);
    p.batches = 1;
    return p;
  }
  p.finished = true;
  return p;
}

}  // namespace vmst::services
