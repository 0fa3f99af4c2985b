#pragma once
// SQL for purging remote accounts, statuses and media a batch at a time (services/purge_batches): a suspended
// domain's (services/domain_purge; the domain_blocks row carries the purge_pending flag until the purge is done) or
// one remote account that deleted itself (services/remote_account_deletion).
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
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
// Up to `limit` ids of the account's statuses (its reblogs included).
std::vector<int64_t> account_status_batch(Connection& c, int64_t account_id, int limit);

// Records a StatusDeleted event for each of the given statuses and for other accounts' boosts of them (which go
// with them), so that live streams and home timelines drop them as they do any deleted status.
void record_status_deletion_events(Connection& c, const std::vector<int64_t>& status_ids);

// Local accounts that boosted any of the given statuses, with how many of them: those boosts go with the statuses.
std::vector<std::pair<int64_t, int>> local_boosters_of(Connection& c, const std::vector<int64_t>& status_ids);

// Local accounts that follow, or are followed by, any of the given accounts: their counts change when these go.
std::vector<int64_t> local_accounts_following_or_followed_by(Connection& c, const std::vector<int64_t>& account_ids);

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
