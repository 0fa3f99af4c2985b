#include "services/account_statuses.hpp"

#include "services/status_views.hpp"
#include "store/account_domain_block_store.hpp"
#include "store/account_timeline_store.hpp"
#include "store/follow_store.hpp"

namespace vmst::services {

AccountStatusesPage account_statuses(store::Connection& c, const store::AccountRecord& author,
                                     std::optional<int64_t> viewer, const AccountStatusesFilter& filter,
                                     const store::PageRange& page) {
  AccountStatusesPage out;
  // A suspended account shows no statuses (Mastodon: `unavailable?` gives an empty page).
  if (author.suspended_at) return out;
  if (viewer && *viewer != author.id) {
    if (store::is_blocking(c, author.id, *viewer)) return out;
    if (author.domain && store::blocks_domain(c, *viewer, *author.domain)) return out;
  }
  store::AccountStatusesQuery query;
  query.account_id = author.id;
  query.every_visibility = viewer && *viewer == author.id;
  query.followers_only = viewer && !query.every_visibility && store::is_following(c, *viewer, author.id);
  query.mentioned = viewer;
  query.only_media = filter.only_media;
  query.exclude_replies = filter.exclude_replies;
  query.exclude_reblogs = filter.exclude_reblogs;
  query.pinned = filter.pinned;
  query.tagged = filter.tagged;
  query.page = page;
  const auto ids = store::account_status_ids(c, query);
  out.read = ids.size();
  if (!ids.empty()) {
    out.newest = ids.front();
    out.oldest = ids.back();
  }
  out.bundle = load_statuses(c, ids, viewer);
  for (int64_t id : ids) {
    const auto* status = out.bundle.status(id);
    if (!status) continue;
    if (status->reblog_of_id) {
      const auto* original = out.bundle.status(*status->reblog_of_id);
      if (!original || !status_visible_to(c, *original, viewer)) continue;
    }
    out.ids.push_back(id);
  }
  return out;
}

}  // namespace vmst::services
