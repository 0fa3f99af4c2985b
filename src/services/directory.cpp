#include "services/directory.hpp"

#include <unordered_map>

namespace vmst::services {

std::vector<store::AccountRecord> directory_accounts(store::Database& db, const store::DirectoryQuery& query) {
  return db.read([&](store::Connection& c) {
    const auto ids = store::directory_account_ids(c, query);
    std::unordered_map<int64_t, store::AccountRecord> by_id;
    for (auto& account : store::find_accounts(c, ids)) by_id.emplace(account.id, std::move(account));
    std::vector<store::AccountRecord> ordered;
    for (int64_t id : ids) {
      if (auto it = by_id.find(id); it != by_id.end()) ordered.push_back(std::move(it->second));
    }
    return ordered;
  });
}

std::vector<store::CustomEmojiRecord> local_custom_emojis(store::Database& db) {
  return db.read([](store::Connection& c) { return store::local_enabled_custom_emojis(c); });
}

}  // namespace vmst::services
