#pragma once
// Choosing the inboxes of a fan-out, as pure functions (the caller has the recipients; enqueue stores the jobs).
#include <string>
#include <vector>

namespace vmst::delivery {

// One recipient actor's inboxes as its actor document gives them.
struct Recipient {
  std::string inbox_url;
  std::string shared_inbox_url;  // endpoints.sharedInbox; empty when the actor has none
};

// The inboxes to deliver one activity to, each once. Per host, the shared inbox when every recipient there has one
// (one POST reaches them all), else each recipient's personal inbox (docs/federation.md §7). Direct messages go to
// personal inboxes only (some servers ignore DMs posted to a shared inbox): pass personal_only. Recipients with
// no usable URL are skipped. Order: first appearance.
std::vector<std::string> collapse_recipients(const std::vector<Recipient>& recipients, bool personal_only = false);

// A job to be created: the inbox (canonical URL text) and its host key (host[:port]).
struct PlannedDelivery {
  std::string inbox_url;
  std::string host;
};

// Parses and canonicalises inbox URLs (lowercased scheme and host, fragment dropped), removes duplicates and
// anything that is not an absolute http(s) URL, and orders the result round-robin across hosts (first inbox of
// each host, then the second of each...), so the first jobs of a large fan-out spread over many hosts instead of
// queueing behind one host's concurrency limit.
std::vector<PlannedDelivery> plan_deliveries(const std::vector<std::string>& inbox_urls,
                                             std::vector<std::string>* rejected = nullptr);

}  // namespace vmst::delivery
