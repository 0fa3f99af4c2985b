#pragma once
// SQL for lists and their members.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

struct ListRecord {
  int64_t id = 0;
  int64_t account_id = 0;  // the owner
  std::string title;
  std::string replies_policy = "list";  // followed | list | none
  bool exclusive = false;
  int64_t created_at = 0;
};

// The owner's lists, oldest first.
std::vector<ListRecord> lists_of(Connection& c, int64_t account_id);
// The lists owned by `owner` that contain `member_id`, oldest first (GET /api/v1/accounts/:id/lists).
std::vector<ListRecord> lists_containing(Connection& c, int64_t owner, int64_t member_id);
// Every list, whoever owns it, that contains `member_id`.
std::vector<ListRecord> lists_with_member(Connection& c, int64_t member_id);
int64_t count_lists(Connection& c, int64_t account_id);
// The list when it belongs to account_id.
std::optional<ListRecord> find_list(Connection& c, int64_t account_id, int64_t list_id);
void insert_list(Connection& c, const ListRecord& list);
void update_list(Connection& c, const ListRecord& list);
void delete_list(Connection& c, int64_t list_id);

// Member account ids (not suspended), highest id first; every member when page is unset.
std::vector<int64_t> list_member_ids(Connection& c, int64_t list_id, const std::optional<IdPage>& page);
bool is_list_member(Connection& c, int64_t list_id, int64_t account_id);
void add_list_member(Connection& c, int64_t list_id, int64_t account_id);
void remove_list_members(Connection& c, int64_t list_id, const std::vector<int64_t>& account_ids);

}  // namespace vmst::store
