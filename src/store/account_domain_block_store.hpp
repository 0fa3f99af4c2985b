#pragma once
// SQL for user-level domain blocks (account_domain_blocks): a user hiding a whole server for themselves.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::store {

// Insert-if-absent (domains compare case-insensitively); true when a row was added.
bool insert_account_domain_block(Connection& c, int64_t id, int64_t account_id, const std::string& domain,
                                 int64_t now);
bool delete_account_domain_block(Connection& c, int64_t account_id, const std::string& domain);
bool blocks_domain(Connection& c, int64_t account_id, const std::string& domain);

// (cursor = row id, domain), newest first.
std::vector<std::pair<int64_t, std::string>> account_domain_blocks_page(Connection& c, int64_t account_id,
                                                                        const PageRange& page);

}  // namespace vmst::store
