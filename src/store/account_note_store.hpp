#pragma once
// SQL for what a user keeps about other accounts for themselves: private notes (Relationship.note) and
// endorsements (accounts featured on their profile).
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

// Sets the note; an empty comment removes it.
void set_account_note(Connection& c, int64_t account_id, int64_t target_account_id, const std::string& comment);

void insert_endorsement(Connection& c, int64_t account_id, int64_t target_account_id, int64_t now);
void delete_endorsement(Connection& c, int64_t account_id, int64_t target_account_id);

}  // namespace vmst::store
