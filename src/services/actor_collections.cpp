#include "services/actor_collections.hpp"

#include "services/status_documents.hpp"
#include "store/account_timeline_store.hpp"

namespace vmst::services {

OutboxPage outbox_page(store::Database& db, const store::AccountRecord& account, const store::PageRange& range,
                       const federation::LocalUrls& urls) {
  store::AccountStatusesQuery query;
  query.account_id = account.id;
  query.page = range;
  return db.read([&](store::Connection& c) {
    OutboxPage page;
    auto ids = store::account_status_ids(c, query);
    page.full = static_cast<int>(ids.size()) >= range.limit;
    if (!ids.empty()) {
      page.newest_id = ids.front();
      page.oldest_id = ids.back();
    }
    for (int64_t id : ids) {
      if (auto item = outbox_item(c, id, urls)) page.items.push_back(std::move(*item));
    }
    return page;
  });
}

std::vector<nlohmann::json> featured_notes(store::Database& db, const store::AccountRecord& account,
                                           const federation::LocalUrls& urls) {
  store::AccountStatusesQuery query;
  query.account_id = account.id;
  query.pinned = true;
  query.exclude_reblogs = true;
  query.page.limit = 100;  // pins are capped far below this (5 in Mastodon)
  return db.read([&](store::Connection& c) {
    std::vector<nlohmann::json> notes;
    for (int64_t id : store::account_status_ids(c, query)) {
      if (auto note = public_note(c, id, urls)) {
        note->erase("@context");
        notes.push_back(std::move(*note));
      }
    }
    return notes;
  });
}

}  // namespace vmst::services
