#pragma once
// Defederation: blocking and unblocking whole domains, as Mastodon's domain blocks behave.
//
//   suspend  every inbound activity and fetch from the domain is refused and nothing is delivered to it (the gates
//            are federation/domain_gate); follows both ways are severed, the remote side told once (Reject for its
//            follows of local users, Undo for local users' follows of it) and each local user notified of what
//            they lost (a severed_relationships notification); its cached accounts, statuses and media are purged
//            after the block commits, in batches (services/domain_purge).
//   silence  its accounts stay out of public timelines, search and the notifications of local users who do not
//            follow them.
//   noop     only the reject_media / reject_reports flags apply.
// reject_media (on a new block, or added to one) also deletes the copies already made of the domain's avatars,
// headers, attachments and emoji after the block commits, in batches (services/domain_media_clear).
// A block covers subdomains and ignores ports. Lifting a block (or lowering it) lifts the silences it set; purged
// data comes back only as the remote servers send it again.
//
// Everything runs on the caller's thread inside one write transaction per call (the CLI, or a subscription
// refresh on the server's maintenance thread); the purge a suspension starts runs after it, in batches.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "convert/mastodon/domain_block_list.hpp"
#include "services/outbox.hpp"
#include "store/database.hpp"
#include "store/domain_block_store.hpp"

namespace vmst::services {

// Lower-cased host without port or trailing dot. Throws ServiceError(Invalid) naming the problem for anything that
// is not a host name or IP address (a URL, spaces, an empty label, non-ASCII: use the xn-- form).
std::string normalize_block_domain(const std::string& input);

// Throws ServiceError(Invalid) unless severity is noop, silence or suspend.
void check_severity(const std::string& severity);

struct DomainBlockInput {
  std::string domain;
  std::string severity = "suspend";
  bool reject_media = false;
  bool reject_reports = false;
  bool obfuscate = false;
  std::string public_comment;
  std::string private_comment;
  std::optional<int64_t> subscription_id;
};

struct DomainBlockOutcome {
  store::DomainBlockRecord block;
  bool created = false;
  int follows_severed = 0;       // follows and follow requests, both ways
  int users_notified = 0;        // local users told what they lost
  bool purge_started = false;    // a new suspension: its cached data is to be purged (services/domain_purge)
  int accounts_purged = 0;       // filled in by whoever ran the purge
  int statuses_purged = 0;
  // reject_media newly set: the copies already made of its media are to be deleted (services/domain_media_clear).
  bool media_clear_started = false;
  int media_files_deleted = 0;  // filled in by whoever ran the clear
  int accounts_silenced = 0;
  int deliveries_dropped = 0;
};

// Creates or updates the block on input.domain (normalised first) and applies its effects, inside the caller's
// write transaction. `outbox` carries the farewell Reject/Undo activities.
DomainBlockOutcome apply_domain_block(store::Connection& c, Outbox& outbox, const DomainBlockInput& input,
                                      int64_t now);

// Removes the block and the silences it set. Throws ServiceError(NotFound) when there is none.
store::DomainBlockRecord remove_domain_block(store::Connection& c, const std::string& domain);

struct DomainBlockImport {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int removed = 0;                   // subscriptions only: blocks the list dropped
  std::vector<std::string> skipped;  // "entry 4: the domain ex***le.com is obfuscated and cannot be blocked"
  DomainBlockOutcome effects;        // summed over every block applied
};

// Applies a parsed block list inside the caller's write transaction. Every entry is checked first: one bad domain
// or severity throws ServiceError(Invalid) naming its line or entry, and nothing is applied. An entry identical to
// the existing block is left alone (so re-importing a list neither re-severs nor touches updated_at).
DomainBlockImport import_domain_blocks(store::Connection& c, Outbox& outbox,
                                       const std::vector<convert::mastodon::ListedDomainBlock>& entries, int64_t now);

// Applies a subscribed list (subscription `subscription_id`, severities capped at `severity_cap`) inside the
// caller's write transaction. Unlike an import it never overrides a block set by hand or by another list (those
// count as unchanged and are named in `skipped`), skips entries it cannot apply instead of failing, and lifts the
// blocks this subscription set earlier that the list no longer has (counted in `removed`).
DomainBlockImport apply_subscribed_blocks(store::Connection& c, Outbox& outbox, int64_t subscription_id,
                                          const std::string& severity_cap,
                                          const std::vector<convert::mastodon::ListedDomainBlock>& entries,
                                          int64_t now);

// Allowlist mode's list. allow_domain returns false when it was already allowed; disallow_domain throws
// ServiceError(NotFound) when it was not.
bool allow_domain(store::Connection& c, const std::string& domain, int64_t now);
void disallow_domain(store::Connection& c, const std::string& domain);

}  // namespace vmst::services
