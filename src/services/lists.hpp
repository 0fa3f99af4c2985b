#pragma once
// Lists: named subsets of the accounts a user follows, each with its own timeline (services/timelines.hpp). As in
// Mastodon, only accounts the owner follows (or the owner) may be members; an exclusive list's members' posts leave
// the home timeline.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/id_page.hpp"
#include "store/list_store.hpp"

namespace vmst::services {

inline constexpr int kMaxListsPerAccount = 50;  // Mastodon's limit

struct ListChanges {
  std::optional<std::string> title;
  std::optional<std::string> replies_policy;
  std::optional<bool> exclusive;
};

std::vector<store::ListRecord> lists_of(store::Database& db, int64_t owner);
// ServiceError NotFound unless the owner's.
store::ListRecord get_list(store::Database& db, int64_t owner, int64_t list_id);
// ServiceError Invalid for a blank title, an unknown replies_policy or too many lists.
store::ListRecord create_list(store::Database& db, int64_t owner, const ListChanges& fields);
store::ListRecord update_list(store::Database& db, int64_t owner, int64_t list_id, const ListChanges& changes);
void delete_list(store::Database& db, int64_t owner, int64_t list_id);

// The members, highest account id first; all of them when page is unset.
std::vector<store::AccountRecord> list_members(store::Database& db, int64_t owner, int64_t list_id,
                                               const std::optional<store::IdPage>& page);
// All or nothing: NotFound for an unknown account or one the owner does not follow (Mastodon's answer), Invalid
// for one already in the list.
void add_list_members(store::Database& db, int64_t owner, int64_t list_id, const std::vector<int64_t>& account_ids);
void remove_list_members(store::Database& db, int64_t owner, int64_t list_id, const std::vector<int64_t>& account_ids);

}  // namespace vmst::services
