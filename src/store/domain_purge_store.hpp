#pragma once
// SQL for purging a suspended domain's cached accounts, statuses and media a batch at a time
// (services/domain_purge). The domain_blocks row carries the purge_pending flag until the purge is done.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// Flags the (existing) block on `domain` as having a purge to finish.
void mark_domain_purge_pending(Connection& c, const std::string& domain);
void clear_domain_purge_pending(Connection& c, const std::string& domain);
// True while the block on `domain` is a suspension with a purge to finish.
bool domain_purge_pending(Connection& c, const std::string& domain);
// Every such domain whose block was last set before `blocked_before` (ms), oldest block first.
std::vector<std::string> domains_pending_purge(Connection& c,
                                               int64_t blocked_before = std::numeric_limits<int64_t>::max());

// Up to `limit` ids of statuses, or of accounts, on the domain (its subdomains, any port).
std::vector<int64_t> domain_status_batch(Connection& c, const std::string& domain, int limit);
std::vector<int64_t> domain_account_batch(Connection& c, const std::string& domain, int limit);

// Local statuses the given statuses boost or reply to, and those the given accounts favourited: their counters
// change when these go.
std::vector<int64_t> local_statuses_answered_by(Connection& c, const std::vector<int64_t>& status_ids);
std::vector<int64_t> local_statuses_favourited_by(Connection& c, const std::vector<int64_t>& account_ids);

// Deletes the media rows of the given statuses, or accounts; returns the files (relative to the media folder)
// they occupied, to delete once the transaction commits.
std::vector<std::string> delete_media_of_statuses(Connection& c, const std::vector<int64_t>& status_ids);
std::vector<std::string> delete_media_of_accounts(Connection& c, const std::vector<int64_t>& account_ids);

// Deletes the statuses (their full-text rows too, which no foreign key reaches) and, through ON DELETE CASCADE,
// what hangs off them; returns how many.
int delete_purged_statuses(Connection& c, const std::vector<int64_t>& status_ids);
// Deletes the accounts and, through ON DELETE CASCADE, what hangs off them (follows, favourites, notifications...);
// returns how many.
int delete_purged_accounts(Connection& c, const std::vector<int64_t>& account_ids);

}  // namespace vmst::store
