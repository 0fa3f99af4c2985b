#pragma once
// SQL for admin domain blocks, the allow list, and the effects a block has on the accounts of a domain.
//
// A block names a host without a port and covers its subdomains: a block on example.com matches example.com,
// a.example.com and example.com:8443. Account rows keep host[:port] in `domain`, so the SQL that finds a domain's
// accounts matches all four shapes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct DomainBlockRecord {
  int64_t id = 0;
  std::string domain;
  std::string severity = "suspend";  // noop | silence | suspend
  bool reject_media = false;
  bool reject_reports = false;
  bool obfuscate = false;
  std::string private_comment;
  std::string public_comment;
  std::optional<int64_t> subscription_id;  // set when a block list subscription created it
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// `host` without its port (host[:port] in, host out; bracketed IPv6 literals are left whole).
std::string host_without_port(const std::string& host);

// The block on exactly this domain.
std::optional<DomainBlockRecord> find_domain_block(Connection& c, const std::string& domain);

// The most specific block covering `host` (host[:port]): the host itself, else its nearest blocked parent.
std::optional<DomainBlockRecord> covering_domain_block(Connection& c, const std::string& host);

// True when `host` (host[:port]) or a parent domain of it is suspended.
bool is_domain_suspended(Connection& c, const std::string& host);

// Every block, by domain.
std::vector<DomainBlockRecord> list_domain_blocks(Connection& c);

// Inserts or replaces the block on record.domain (keeping its id and created_at when it exists).
void upsert_domain_block(Connection& c, const DomainBlockRecord& record);

bool delete_domain_block(Connection& c, const std::string& domain);

struct PublicDomainBlock {
  std::string domain;
  std::string severity;  // silence | suspend
  std::string public_comment;
  bool obfuscate = false;
};

// The blocks that limit what users see (silence and suspend; noop blocks only reject media or reports), ordered
// as Mastodon lists them: silenced before suspended, then by domain.
std::vector<PublicDomainBlock> user_facing_domain_blocks(Connection& c);

// --- Allowlist mode --------------------------------------------------------------------------------------------

// The server mirrors federation.mode here at start, so every process on the database (the server, CLI commands
// that deliver or fetch) applies the same policy.
void set_allowlist_mode(Connection& c, bool on, int64_t now);
bool allowlist_mode(Connection& c);

bool insert_domain_allow(Connection& c, int64_t id, const std::string& domain, int64_t now);
bool delete_domain_allow(Connection& c, const std::string& domain);
std::vector<std::string> list_domain_allows(Connection& c);
// True when `host` (host[:port]) or a parent domain of it is on the allow list.
bool is_domain_allowed(Connection& c, const std::string& host);

// The one question every door asks (inbox POSTs, signed fetches, outbound fetches, deliveries): is federation
// with `host` (host[:port]) refused? Yes when a suspending block covers it, or in allowlist mode when the allow
// list does not.
bool refuses_federation_with(Connection& c, const std::string& host);

// True when a block covering `host` says not to store its media (reject_media) / its reports (reject_reports).
bool rejects_media_from(Connection& c, const std::string& host);
bool rejects_reports_from(Connection& c, const std::string& host);

// --- Effects on a domain's accounts ----------------------------------------------------------------------------

// Silences the domain's accounts that are not silenced yet, marking them as silenced by the block; returns how many.
int silence_domain_accounts(Connection& c, const std::string& domain, int64_t now);
// The same for one account (first seen after the block).
void silence_account_for_domain_block(Connection& c, int64_t account_id, int64_t now);
// Lifts the silences a block on `domain` set; returns how many.
int unsilence_domain_accounts(Connection& c, const std::string& domain);

// A follow that crosses to a blocked domain: the local side and the remote side.
struct CrossingFollow {
  int64_t local_account_id = 0;
  int64_t remote_account_id = 0;
  std::string follow_uri;     // the Follow activity id ("" when unknown)
  bool local_follows = false; // true: local -> remote; false: remote -> local
  bool pending = false;       // a follow request, not yet accepted
};
// Follows and follow requests between local accounts and accounts on `domain`, both directions.
std::vector<CrossingFollow> follows_crossing_to(Connection& c, const std::string& domain);

// Records a StatusDeleted event for each of the domain's statuses a live stream may show (those in home feeds, those
// created after recent_since) and for other accounts' boosts of them, which the purge deletes too
// (store/domain_purge_store). Call it before
// anything (severed follows) takes the statuses out of home feeds, so that their readers hear of it.
void record_purged_status_events(Connection& c, const std::string& domain, int64_t recent_since);

// Recounts followers/following of the given local accounts and the reply/reblog/favourite counters of the given
// statuses, after a purge removed rows the counters included.
void recount_accounts(Connection& c, const std::vector<int64_t>& account_ids);
void recount_statuses(Connection& c, const std::vector<int64_t>& status_ids);

// Pending deliveries to the domain's hosts are dropped; returns how many.
int drop_pending_deliveries_to(Connection& c, const std::string& domain);

}  // namespace vmst::store
