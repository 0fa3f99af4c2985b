#include "services/domain_blocks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "store/account_store.hpp"
#include "store/blocklist_subscription_store.hpp"
#include "store/domain_media_clear_store.hpp"
#include "store/domain_purge_store.hpp"
#include "store/ids.hpp"
#include "store/relationship_severance_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

ServiceError invalid(const std::string& message) { return ServiceError(ServiceError::Kind::Invalid, message); }

bool is_label_char(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; }

// Severs every follow between local users and the domain through the ordinary follow services (so feeds and
// counters follow along), each sending the remote side its Reject or Undo. Runs before the block row exists,
// because deliveries to a suspended domain are refused. Returns per local account what it lost.
std::vector<store::SeveranceCount> sever_follows(store::Connection& c, Outbox& outbox, const std::string& domain,
                                                 int64_t now, int& severed) {
  auto crossings = store::follows_crossing_to(c, domain);
  std::map<int64_t, store::SeveranceCount> per_account;
  for (const auto& f : crossings) {
    auto local = store::find_account(c, f.local_account_id);
    auto remote = store::find_account(c, f.remote_account_id);
    if (!local || !remote) continue;
    if (f.local_follows) {
      unfollow(c, outbox, *local, *remote, now);
    } else if (f.pending) {
      reject_follow_request(c, outbox, *local, *remote, now);
    } else {
      remove_from_followers(c, outbox, *local, *remote, now);
    }
    ++severed;
    if (f.pending) continue;  // an unanswered request was not a relationship yet
    auto& count = per_account[f.local_account_id];
    count.account_id = f.local_account_id;
    (f.local_follows ? count.following_lost : count.followers_lost) += 1;
  }
  std::vector<store::SeveranceCount> out;
  for (auto& [id, count] : per_account) out.push_back(count);
  return out;
}

// Lifts the silences a block on `domain` set, then silences again what another silencing block still covers: a
// block on a parent or a subdomain of `domain` overlaps the accounts just released.
void lift_silences(store::Connection& c, const std::string& domain, int64_t now) {
  store::unsilence_domain_accounts(c, domain);
  auto overlaps = [&](const std::string& other) {
    auto under = [](const std::string& child, const std::string& parent) {
      return child.size() > parent.size() && child.ends_with("." + parent);
    };
    return under(other, domain) || under(domain, other);
  };
  for (const auto& other : store::list_domain_blocks(c)) {
    if (other.severity == "silence" && overlaps(other.domain)) store::silence_domain_accounts(c, other.domain, now);
  }
}

}  // namespace

std::string normalize_block_domain(const std::string& input) {
  std::string d;
  for (char ch : input) d += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  while (!d.empty() && (d.front() == ' ' || d.front() == '\t')) d.erase(d.begin());
  while (!d.empty() && (d.back() == ' ' || d.back() == '\t' || d.back() == '\r')) d.pop_back();
  if (d.empty()) throw invalid("the domain is empty");
  if (d.find("://") != std::string::npos || d.find('/') != std::string::npos) {
    throw invalid("\"" + input + "\" is a URL, not a domain: give the host name only (e.g. example.com)");
  }
  if (d.rfind("*.", 0) == 0) d.erase(0, 2);  // Mastodon's wildcard spelling; a block covers subdomains anyway
  if (auto colon = d.find(':'); colon != std::string::npos) {
    std::string port = d.substr(colon + 1);
    if (port.empty() || !std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      throw invalid("\"" + input + "\" is not a domain (a port after ':' must be a number)");
    }
    d.resize(colon);  // blocks name hosts: the port does not matter
  }
  if (!d.empty() && d.back() == '.') d.pop_back();
  if (d.empty() || d.size() > 253) throw invalid("\"" + input + "\" is not a domain");
  size_t label_start = 0;
  for (size_t i = 0; i <= d.size(); ++i) {
    if (i == d.size() || d[i] == '.') {
      size_t length = i - label_start;
      if (length == 0) throw invalid("\"" + input + "\" is not a domain (empty label)");
      if (length > 63) throw invalid("\"" + input + "\" is not a domain (a label is longer than 63 characters)");
      if (d[label_start] == '-' || d[i - 1] == '-') {
        throw invalid("\"" + input + "\" is not a domain (a label starts or ends with '-')");
      }
      label_start = i + 1;
      continue;
    }
    if (static_cast<unsigned char>(d[i]) >= 0x80) {
      throw invalid("\"" + input + "\" is not an ASCII domain: give its xn-- (punycode) form");
    }
    if (!is_label_char(d[i])) {
      throw invalid("\"" + input + "\" is not a domain (it contains '" + std::string(1, d[i]) + "')");
    }
  }
  return d;
}

// Public streams show statuses as they arrive; a client still holding one from two days ago is an unusual one.
constexpr int64_t kStreamedStatusAgeMs = 2LL * 24 * 3600 * 1000;

void check_severity(const std::string& severity) {
  if (severity != "noop" && severity != "silence" && severity != "suspend") {
    throw invalid("severity must be noop, silence or suspend, not \"" + severity + "\"");
  }
}

DomainBlockOutcome apply_domain_block(store::Connection& c, Outbox& outbox, const DomainBlockInput& input,
                                      int64_t now) {
  DomainBlockOutcome out;
  check_severity(input.severity);
  const std::string domain = normalize_block_domain(input.domain);
  auto existing = store::find_domain_block(c, domain);
  out.created = !existing;

  store::DomainBlockRecord& block = out.block;
  block.id = existing ? existing->id : store::next_id();
  block.domain = domain;
  block.severity = input.severity;
  block.reject_media = input.reject_media;
  block.reject_reports = input.reject_reports;
  block.obfuscate = input.obfuscate;
  block.public_comment = input.public_comment;
  block.private_comment = input.private_comment;
  block.subscription_id = input.subscription_id;
  block.created_at = existing ? existing->created_at : now;
  block.updated_at = now;

  if (block.severity == "suspend" && !(existing && existing->severity == "suspend")) {
    // Order matters: the farewells are queued while the domain is still deliverable, then its queued
    // deliveries other than those are dropped, then the block makes the gates refuse it.
    out.deliveries_dropped = store::drop_pending_deliveries_to(c, domain);
    store::record_purged_status_events(c, domain, now - kStreamedStatusAgeMs);
    auto counts = sever_follows(c, outbox, domain, now, out.follows_severed);
    if (!counts.empty()) {
      store::record_relationship_severance(c, store::next_id(), "domain_block", domain, /*purged=*/true, counts,
                                           now);
    }
    out.users_notified = static_cast<int>(counts.size());
    auto touched_accounts = std::set<int64_t>();
    for (const auto& count : counts) touched_accounts.insert(count.account_id);
    store::recount_accounts(c, {touched_accounts.begin(), touched_accounts.end()});
    out.purge_started = true;
  }
  store::upsert_domain_block(c, block);
  // Its cached accounts, statuses and media go afterwards, in batches (services/domain_purge).
  if (out.purge_started) store::mark_domain_purge_pending(c, domain);
  if (block.reject_media && !(existing && existing->reject_media)) {
    store::mark_domain_media_clear_pending(c, domain);
    out.media_clear_started = true;
  }
  if (block.severity == "silence") {
    out.accounts_silenced = store::silence_domain_accounts(c, domain, now);
  } else if (existing && existing->severity == "silence") {
    lift_silences(c, domain, now);
  }
  return out;
}

store::DomainBlockRecord remove_domain_block(store::Connection& c, const std::string& input) {
  const std::string domain = normalize_block_domain(input);
  auto existing = store::find_domain_block(c, domain);
  if (!existing) throw ServiceError(ServiceError::Kind::NotFound, "no block on " + domain);
  store::delete_domain_block(c, domain);
  lift_silences(c, domain, now_millis());
  return *existing;
}

namespace {

bool same_block(const store::DomainBlockRecord& a, const DomainBlockInput& b) {
  return a.severity == b.severity && a.reject_media == b.reject_media && a.reject_reports == b.reject_reports &&
         a.obfuscate == b.obfuscate && a.public_comment == b.public_comment &&
         a.private_comment == b.private_comment && a.subscription_id == b.subscription_id;
}

void add_effects(DomainBlockOutcome& total, DomainBlockOutcome&& one) {
  total.follows_severed += one.follows_severed;
  total.users_notified += one.users_notified;
  total.accounts_purged += one.accounts_purged;
  total.statuses_purged += one.statuses_purged;
  total.purge_started = total.purge_started || one.purge_started;
  total.media_clear_started = total.media_clear_started || one.media_clear_started;
  total.media_files_deleted += one.media_files_deleted;
  total.accounts_silenced += one.accounts_silenced;
  total.deliveries_dropped += one.deliveries_dropped;
}

}  // namespace

DomainBlockImport import_domain_blocks(store::Connection& c, Outbox& outbox,
                                       const std::vector<convert::mastodon::ListedDomainBlock>& entries, int64_t now) {
  DomainBlockImport result;
  std::vector<DomainBlockInput> inputs;
  std::set<std::string> seen;
  for (const auto& entry : entries) {
    const auto& b = entry.block;
    if (b.domain.find('*') != std::string::npos) {
      result.skipped.push_back(entry.where + ": the domain " + b.domain + " is obfuscated and cannot be blocked");
      continue;
    }
    DomainBlockInput input;
    try {
      input.domain = normalize_block_domain(b.domain);
      check_severity(b.severity);
    } catch (const ServiceError& e) {
      throw invalid(entry.where + ": " + e.what());
    }
    if (!seen.insert(input.domain).second) {
      throw invalid(entry.where + ": " + input.domain + " is listed twice");
    }
    input.severity = b.severity;
    input.reject_media = b.reject_media;
    input.reject_reports = b.reject_reports;
    input.obfuscate = b.obfuscate;
    input.public_comment = b.public_comment;
    input.private_comment = b.private_comment;
    input.subscription_id = b.subscription_id;
    inputs.push_back(std::move(input));
  }
  for (const auto& input : inputs) {
    auto existing = store::find_domain_block(c, input.domain);
    if (existing && same_block(*existing, input)) {
      ++result.unchanged;
      continue;
    }
    auto outcome = apply_domain_block(c, outbox, input, now);
    (outcome.created ? result.created : result.updated) += 1;
    add_effects(result.effects, std::move(outcome));
  }
  return result;
}

namespace {

int severity_rank(const std::string& severity) {
  return severity == "suspend" ? 2 : severity == "silence" ? 1 : 0;
}

}  // namespace

DomainBlockImport apply_subscribed_blocks(store::Connection& c, Outbox& outbox, int64_t subscription_id,
                                          const std::string& severity_cap,
                                          const std::vector<convert::mastodon::ListedDomainBlock>& entries,
                                          int64_t now) {
  DomainBlockImport result;
  std::set<std::string> listed;
  for (const auto& entry : entries) {
    DomainBlockInput input;
    try {
      if (entry.block.domain.find('*') != std::string::npos) throw invalid("the domain is obfuscated");
      input.domain = normalize_block_domain(entry.block.domain);
      check_severity(entry.block.severity);
    } catch (const ServiceError& e) {
      result.skipped.push_back(entry.where + " (" + entry.block.domain + "): " + e.what());
      continue;
    }
    if (!listed.insert(input.domain).second) continue;
    input.severity = severity_rank(entry.block.severity) > severity_rank(severity_cap) ? severity_cap
                                                                                       : entry.block.severity;
    input.reject_media = entry.block.reject_media;
    input.reject_reports = entry.block.reject_reports;
    input.obfuscate = entry.block.obfuscate;
    input.public_comment = entry.block.public_comment;
    input.subscription_id = subscription_id;
    auto existing = store::find_domain_block(c, input.domain);
    if (existing && existing->subscription_id != subscription_id) {
      ++result.unchanged;  // the admin's own block (or another list's) wins
      continue;
    }
    if (existing) {
      input.private_comment = existing->private_comment;
      if (same_block(*existing, input)) {
        ++result.unchanged;
        continue;
      }
    }
    auto outcome = apply_domain_block(c, outbox, input, now);
    (outcome.created ? result.created : result.updated) += 1;
    add_effects(result.effects, std::move(outcome));
  }
  for (const auto& domain : store::domains_blocked_by_subscription(c, subscription_id)) {
    if (listed.contains(domain)) continue;
    remove_domain_block(c, domain);
    ++result.removed;
  }
  return result;
}

bool allow_domain(store::Connection& c, const std::string& domain, int64_t now) {
  return store::insert_domain_allow(c, store::next_id(), normalize_block_domain(domain), now);
}

void disallow_domain(store::Connection& c, const std::string& input) {
  const std::string domain = normalize_block_domain(input);
  if (!store::delete_domain_allow(c, domain)) {
    throw ServiceError(ServiceError::Kind::NotFound, domain + " is not on the allow list");
  }
}

}  // namespace vmst::services
