#include "services/lists.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "services/service_error.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

[[noreturn]] void not_found() { throw ServiceError(ServiceError::Kind::NotFound, "Record not found"); }

store::ListRecord owned(store::Connection& c, int64_t owner, int64_t list_id) {
  auto list = store::find_list(c, owner, list_id);
  if (!list) not_found();
  return *list;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isspace(ch); });
}

void apply(store::ListRecord& list, const ListChanges& changes) {
  if (changes.title) list.title = *changes.title;
  if (changes.replies_policy) list.replies_policy = *changes.replies_policy;
  if (changes.exclusive) list.exclusive = *changes.exclusive;
  std::vector<std::string> problems;
  if (blank(list.title)) problems.push_back("Title can't be blank");
  if (list.replies_policy != "followed" && list.replies_policy != "list" && list.replies_policy != "none") {
    problems.push_back("Replies policy is not included in the list");
  }
  if (problems.empty()) return;
  std::string message = "Validation failed: ";
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? ", " : "") + problems[i];
  throw ServiceError(ServiceError::Kind::Invalid, message);
}

}  // namespace

std::vector<store::ListRecord> lists_of(store::Database& db, int64_t owner) {
  return db.read([&](store::Connection& c) { return store::lists_of(c, owner); });
}

store::ListRecord get_list(store::Database& db, int64_t owner, int64_t list_id) {
  return db.read([&](store::Connection& c) { return owned(c, owner, list_id); });
}

store::ListRecord create_list(store::Database& db, int64_t owner, const ListChanges& fields) {
  store::ListRecord list;
  list.account_id = owner;
  apply(list, fields);
  return db.write([&](store::Connection& c) {
    if (store::count_lists(c, owner) >= kMaxListsPerAccount) {
      throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: You have reached the maximum number of lists");
    }
    list.id = store::next_id();
    list.created_at = now_millis();
    store::insert_list(c, list);
    return list;
  });
}

store::ListRecord update_list(store::Database& db, int64_t owner, int64_t list_id, const ListChanges& changes) {
  return db.write([&](store::Connection& c) {
    auto list = owned(c, owner, list_id);
    apply(list, changes);
    store::update_list(c, list);
    return list;
  });
}

void delete_list(store::Database& db, int64_t owner, int64_t list_id) {
  db.write([&](store::Connection& c) {
    owned(c, owner, list_id);
    store::delete_list(c, list_id);
  });
}

std::vector<store::AccountRecord> list_members(store::Database& db, int64_t owner, int64_t list_id,
                                               const std::optional<store::IdPage>& page) {
  return db.read([&](store::Connection& c) {
    owned(c, owner, list_id);
    const auto ids = store::list_member_ids(c, list_id, page);
    std::unordered_map<int64_t, store::AccountRecord> by_id;
    for (auto& a : store::find_accounts(c, ids)) by_id.emplace(a.id, std::move(a));
    std::vector<store::AccountRecord> out;
    for (int64_t id : ids)
      if (auto it = by_id.find(id); it != by_id.end()) out.push_back(std::move(it->second));
    return out;
  });
}

void add_list_members(store::Database& db, int64_t owner, int64_t list_id, const std::vector<int64_t>& account_ids) {
  db.write([&](store::Connection& c) {
    owned(c, owner, list_id);
    std::vector<int64_t> added;
    for (int64_t id : account_ids) {
      if (std::find(added.begin(), added.end(), id) != added.end()) continue;
      if (!store::find_account(c, id)) not_found();
      if (id != owner && !store::is_following(c, owner, id)) not_found();
      if (store::is_list_member(c, list_id, id)) {
        throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Account has already been taken");
      }
      store::add_list_member(c, list_id, id);
      added.push_back(id);
    }
  });
}

void remove_list_members(store::Database& db, int64_t owner, int64_t list_id,
                         const std::vector<int64_t>& account_ids) {
  db.write([&](store::Connection& c) {
    owned(c, owner, list_id);
    store::remove_list_members(c, list_id, account_ids);
  });
}

}  // namespace vmst::services
