#include "services/domain_media_clear.hpp"

#include <spdlog/spdlog.h>

#include <exception>
#include <system_error>

#include "services/media_file_removal.hpp"
#include "store/domain_media_clear_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

MediaClearProgress clear_domain_media_batch(store::Database& db, const std::filesystem::path& media_root,
                                            const std::string& domain, int batch_size) {
  std::vector<std::string> files;
  auto progress = db.write([&](store::Connection& c) {
    MediaClearProgress p;
    files.clear();
    if (!store::domain_media_clear_pending(c, domain)) {
      p.finished = true;
      return p;
    }
    p.batches = 1;
    files = store::clear_domain_profile_images(c, domain, batch_size, p.accounts);
    if (p.accounts > 0) return p;
    files = store::clear_domain_attachment_copies(c, domain, batch_size, now_millis(), p.attachments);
    if (p.attachments > 0) return p;
    files = store::delete_domain_emojis(c, domain, batch_size, p.emojis);
    if (p.emojis > 0) return p;
    store::clear_domain_media_clear_pending(c, domain);
    p.finished = true;
    return p;
  });
  progress.files = remove_media_files(media_root, files);
  return progress;
}

MediaClearProgress run_pending_media_clears(store::Database& db, const std::filesystem::path& media_root,
                                            int max_batches, int batch_size, int64_t blocked_before) {
  MediaClearProgress total;
  auto pending =
      db.read([&](store::Connection& c) { return store::domains_pending_media_clear(c, blocked_before); });
  for (const auto& domain : pending) {
    while (max_batches == 0 || total.batches < max_batches) {
      auto step = clear_domain_media_batch(db, media_root, domain, batch_size);
      total.accounts += step.accounts;
      total.attachments += step.attachments;
      total.emojis += step.emojis;
      total.files += step.files;
      total.batches += step.batches;
      if (step.finished) break;
    }
  }
  total.finished =
      db.read([&](store::Connection& c) { return store::domains_pending_media_clear(c, blocked_before).empty(); });
  return total;
}

}  // namespace vmst::services
