#include "services/remote_account_deletion.hpp"

#include <string>
#include <vector>

#include "services/media_file_removal.hpp"
#include "store/account_store.hpp"
#include "store/domain_purge_store.hpp"

namespace vmst::services {

PurgeProgress delete_remote_account(store::Database& db, const std::filesystem::path& media_root, int64_t account_id,
                                    int batch_size) {
  PurgeTarget target;
  target.statuses = [account_id](store::Connection& c, int limit) {
    return store::account_status_batch(c, account_id, limit);
  };
  target.accounts = [account_id](store::Connection& c, int) {
    auto account = store::find_account(c, account_id);
    return account ? std::vector<int64_t>{account_id} : std::vector<int64_t>{};
  };
  target.announce_deleted_statuses = true;

  PurgeProgress total;
  const bool remote = db.read([&](store::Connection& c) {
    auto account = store::find_account(c, account_id);
    return account && !account->local();
  });
  if (!remote) {
    total.finished = true;
    return total;
  }
  std::vector<std::string> files;
  while (!total.finished) {
    files.clear();
    auto step = db.write([&](store::Connection& c) { return purge_next_batch(c, target, batch_size, files); });
    remove_media_files(media_root, files);
    total.accounts += step.accounts;
    total.statuses += step.statuses;
    total.batches += step.batches;
    total.finished = step.finished;
  }
  return total;
}

}  // namespace vmst::services
