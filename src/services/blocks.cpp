#include "services/blocks.hpp"

#include <algorithm>
#include <cctype>

#include "convert/activitystreams/activities.hpp"
#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "store/account_domain_block_store.hpp"
#include "store/block_store.hpp"
#include "store/feed_merge_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "text/trim.hpp"

namespace vmst::services {

void block(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
           const store::AccountRecord& target, int64_t now) {
  if (account.id == target.id) return;
  unfollow(c, outbox, account, target, now);
  remove_from_followers(c, outbox, account, target, now);
  if (store::has_follow_request(c, target.id, account.id)) reject_follow_request(c, outbox, account, target, now);

  const int64_t id = store::next_id();
  const std::string uri = account.uri + "/blocks/" + std::to_string(id);
  if (!store::insert_block(c, id, account.id, target.id, uri, now)) return;
  store::unmerge_from_home_feed(c, account.id, target.id, true);
  if (target.local()) {
    store::unmerge_from_home_feed(c, target.id, account.id, true);
  } else {
    outbox.send_to(c, account, convert::as::block_activity(uri, account, target), target, now);
  }
}

void unblock(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
             const store::AccountRecord& target, int64_t now) {
  auto removed = store::delete_block(c, account.id, target.id);
  if (!removed || target.local()) return;
  const std::string uri = removed->uri.value_or(account.uri + "/blocks/" + std::to_string(removed->id));
  auto reference = convert::as::block_activity(uri, account, target);
  outbox.send_to(c, account, convert::as::undo_activity(account, reference), target, now);
}

bool record_incoming_block(store::Connection& c, Outbox& outbox, const store::AccountRecord& blocker,
                           const store::AccountRecord& target, const std::optional<std::string>& block_uri,
                           int64_t now) {
  if (blocker.id == target.id || store::is_blocking(c, blocker.id, target.id)) return false;
  if (store::is_following(c, target.id, blocker.id)) {
    unfollow(c, outbox, target, blocker, now);
  } else {
    record_unfollow(c, target, blocker);  // a pending request is withdrawn silently, as Mastodon does
  }
  remove_from_followers(c, outbox, target, blocker, now);
  record_unfollow(c, blocker, target);  // the blocker's own pending request, if any
  store::insert_block(c, store::next_id(), blocker.id, target.id, block_uri, now);
  store::unmerge_from_home_feed(c, target.id, blocker.id, true);
  return true;
}

std::string normalize_blocked_domain(const std::string& domain, const std::string& local_domain) {
  std::string out;
  for (unsigned char ch : domain) out += static_cast<char>(std::tolower(ch));
  out = std::string(text::trim(out, text::kSpacesTabsAndLineBreaks));
  while (!out.empty() && out.back() == '.') out.pop_back();
  if (out.empty()) throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Domain can't be blank");
  const bool valid = std::all_of(out.begin(), out.end(), [](unsigned char ch) {
    return std::isalnum(ch) || ch == '.' || ch == '-' || ch == ':' || ch == '_' || ch >= 0x80;
  });
  if (!valid || out.front() == '.' || out.front() == '-') {
    throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Domain is invalid");
  }
  std::string local;
  for (unsigned char ch : local_domain) local += static_cast<char>(std::tolower(ch));
  if (out == local) throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Domain is this server");
  return out;
}

void block_domain(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
                  const std::string& domain, int64_t now) {
  store::insert_account_domain_block(c, store::next_id(), account.id, domain, now);
  for (const auto& row : store::followers_on_domain(c, account.id, domain)) {
    if (auto follower = store::find_account(c, row.account_id)) remove_from_followers(c, outbox, account, *follower, now);
  }
  for (const auto& row : store::follow_requests_on_domain(c, account.id, domain)) {
    if (auto requester = store::find_account(c, row.account_id)) {
      reject_follow_request(c, outbox, account, *requester, now);
    }
  }
}

void unblock_domain(store::Connection& c, const store::AccountRecord& account, const std::string& domain) {
  store::delete_account_domain_block(c, account.id, domain);
}

}  // namespace vmst::services
