#include "services/domain_purge.hpp"

#include <vector>

#include "services/domain_media_clear.hpp"
#include "store/domain_block_store.hpp"
#include "store/domain_media_clear_store.hpp"
#include "store/domain_purge_store.hpp"

namespace vmst::services {

PurgeProgress purge_domain_batch(store::Database& db, const std::filesystem::path& media_root,
                                 const std::string& domain, int batch_size) {
  std::vector<std::string> files;
  auto progress = db.write([&](store::Connection& c) {
    PurgeProgress p;
    files.clear();
    if (!store::domain_purge_pending(c, domain)) {
      p.finished = true;
      return p;
    }
    p.batches = 1;
    // Statuses first, so that each account batch is small: an account's statuses can be many.
    if (auto statuses = store::domain_status_batch(c, domain, batch_size); !statuses.empty()) {
      auto touched = store::local_statuses_answered_by(c, statuses);
      files = store::delete_media_of_statuses(c, statuses);
      p.statuses = store::delete_purged_statuses(c, statuses);
      store::recount_statuses(c, touched);
      return p;
    }
    if (auto accounts = store::domain_account_batch(c, domain, batch_size); !accounts.empty()) {
      auto touched = store::local_statuses_favourited_by(c, accounts);
      files = store::delete_media_of_accounts(c, accounts);
      p.accounts = store::delete_purged_accounts(c, accounts);
      store::recount_statuses(c, touched);
      return p;
    }
    // Emoji belong to no account: they go last, with their cached images.
    files = store::delete_domain_emojis(c, domain, batch_size, p.emojis);
    if (p.emojis > 0) return p;
    store::clear_domain_purge_pending(c, domain);
    p.finished = true;
    return p;
  });
  delete_media_files(media_root, files);
  return progress;
}

PurgeProgress run_pending_purges(store::Database& db, const std::filesystem::path& media_root, int max_batches,
                                 int batch_size, int64_t blocked_before) {
  PurgeProgress total;
  auto pending = db.read([&](store::Connection& c) { return store::domains_pending_purge(c, blocked_before); });
  for (const auto& domain : pending) {
    while (max_batches == 0 || total.batches < max_batches) {
      auto step = purge_domain_batch(db, media_root, domain, batch_size);
      total.accounts += step.accounts;
      total.statuses += step.statuses;
      total.emojis += step.emojis;
      total.batches += step.batches;
      if (step.finished) break;
    }
  }
  total.finished =
      db.read([&](store::Connection& c) { return store::domains_pending_purge(c, blocked_before).empty(); });
  return total;
}

}  // namespace vmst::services
