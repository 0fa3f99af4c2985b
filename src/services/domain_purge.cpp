#include "services/domain_purge.hpp"

#include <vector>

#include "services/media_file_removal.hpp"
#include "store/domain_media_clear_store.hpp"
#include "store/domain_purge_store.hpp"

namespace vmst::services {

namespace {

PurgeTarget domain_target(const std::string& domain) {
  PurgeTarget target;
  target.statuses = [domain](store::Connection& c, int limit) { return store::domain_status_batch(c, domain, limit); };
  target.accounts = [domain](store::Connection& c, int limit) { return store::domain_account_batch(c, domain, limit); };
  return target;
}

}  // namespace

PurgeProgress purge_domain_batch(store::Database& db, const std::filesystem::path& media_root,
                                 const std::string& domain, int batch_size) {
  std::vector<std::string> files;
  const auto target = domain_target(domain);
  auto progress = db.write([&](store::Connection& c) {
    PurgeProgress p;
    files.clear();
    if (!store::domain_purge_pending(c, domain)) {
      p.finished = true;
      return p;
    }
    p = purge_next_batch(c, target, batch_size, files);
    p.batches = 1;
    if (!p.finished) return p;
    // Emoji belong to no account: they go last, with their cached images.
    auto emoji_files = store::delete_domain_emojis(c, domain, batch_size, p.emojis);
    files.insert(files.end(), emoji_files.begin(), emoji_files.end());
    if (p.emojis > 0) {
      p.finished = false;
      return p;
    }
    store::clear_domain_purge_pending(c, domain);
    return p;
  });
  remove_media_files(media_root, files);
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
