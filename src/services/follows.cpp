#include "services/follows.hpp"

#include <nlohmann/json.hpp>

#include "convert/activitystreams/activities.hpp"
#include "services/service_error.hpp"
#include "services/notification_grouping.hpp"
#include "store/account_domain_block_store.hpp"
#include "store/feed_merge_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/notification_store.hpp"

namespace vmst::services {

namespace {

[[noreturn]] void not_allowed() { throw ServiceError(ServiceError::Kind::Forbidden, "This action is not allowed"); }

std::optional<std::string> languages_json(const std::optional<std::vector<std::string>>& languages) {
  if (!languages || languages->empty()) return std::nullopt;
  return nlohmann::json(*languages).dump();
}

// The follow id a row stands for: the recorded Follow activity id, or one minted from the row for rows recorded
// without (so Undo and Accept can still name it).
std::string follow_id_of(const store::FollowRecord& row, const store::AccountRecord& follower) {
  return row.uri ? *row.uri : follower.uri + "/follows/" + std::to_string(row.id);
}

void apply_options(store::Connection& c, const store::FollowRecord& row, const FollowOptions& options, bool request) {
  const bool reblogs = options.reblogs.value_or(row.show_reblogs);
  const bool notify = options.notify.value_or(row.notify);
  const auto languages = options.languages ? languages_json(options.languages) : row.languages_json;
  if (request) {
    store::set_follow_request_options(c, row.account_id, row.target_account_id, reblogs, notify, languages);
  } else {
    store::set_follow_options(c, row.account_id, row.target_account_id, reblogs, notify, languages);
  }
}

// The request row becomes a follow with the same Follow id and options.
void promote_request(store::Connection& c, const store::FollowRecord& request, int64_t now) {
  store::delete_follow_request(c, request.account_id, request.target_account_id);
  store::insert_follow(c, store::next_id(), request.account_id, request.target_account_id, request.uri, now);
  store::set_follow_options(c, request.account_id, request.target_account_id, request.show_reblogs, request.notify,
                            request.languages_json);
}

}  // namespace

FollowOutcome record_incoming_follow(store::Connection& c, const store::AccountRecord& follower,
                                     const store::AccountRecord& target, const std::optional<std::string>& follow_uri,
                                     int64_t now) {
  if (store::is_blocking(c, target.id, follower.id)) return FollowOutcome::Refused;
  if (follower.domain && store::blocks_domain(c, target.id, *follower.domain)) return FollowOutcome::Refused;
  if (store::is_following(c, follower.id, target.id)) return FollowOutcome::AlreadyFollowing;
  if (target.locked) {
    if (store::insert_follow_request(c, store::next_id(), follower.id, target.id, follow_uri, now) &&
        !store::silenced_stranger(c, target.id, follower.id)) {
      add_notification(c, {store::next_id(), target.id, follower.id, "follow_request", std::nullopt, now});
    }
    return FollowOutcome::Pending;
  }
  store::insert_follow(c, store::next_id(), follower.id, target.id, follow_uri, now);
  if (!store::silenced_stranger(c, target.id, follower.id)) {
    add_notification(c, {store::next_id(), target.id, follower.id, "follow", std::nullopt, now});
  }
  return FollowOutcome::Accepted;
}

bool record_unfollow(store::Connection& c, const store::AccountRecord& follower, const store::AccountRecord& target) {
  bool removed = store::delete_follow(c, follower.id, target.id);
  bool withdrawn = store::delete_follow_request(c, follower.id, target.id);
  if (removed) store::delete_notifications(c, target.id, follower.id, "follow");
  if (withdrawn) store::delete_notifications(c, target.id, follower.id, "follow_request");
  return removed || withdrawn;
}

void follow(store::Connection& c, Outbox& outbox, const store::AccountRecord& follower,
            const store::AccountRecord& target, const FollowOptions& options, int64_t now) {
  if (target.id == follower.id || target.suspended_at) {
    throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  }
  if (store::is_blocking(c, target.id, follower.id) || store::is_blocking(c, follower.id, target.id)) not_allowed();
  if (target.domain && store::blocks_domain(c, follower.id, *target.domain)) not_allowed();

  if (auto existing = store::find_follow(c, follower.id, target.id)) return apply_options(c, *existing, options, false);
  if (auto pending = store::find_follow_request(c, follower.id, target.id)) {
    return apply_options(c, *pending, options, true);
  }

  const int64_t id = store::next_id();
  const bool reblogs = options.reblogs.value_or(true);
  const bool notify = options.notify.value_or(false);
  const auto languages = languages_json(options.languages);
  if (target.local() && !target.locked) {
    store::insert_follow(c, id, follower.id, target.id, std::nullopt, now);
    store::set_follow_options(c, follower.id, target.id, reblogs, notify, languages);
    add_notification(c, {store::next_id(), target.id, follower.id, "follow", std::nullopt, now});
    store::merge_into_home_feed(c, follower.id, target.id, kFeedMergeLimit);
    return;
  }
  std::optional<std::string> uri;
  if (!target.local()) uri = follower.uri + "/follows/" + std::to_string(id);
  store::insert_follow_request(c, id, follower.id, target.id, uri, now);
  store::set_follow_request_options(c, follower.id, target.id, reblogs, notify, languages);
  if (target.local()) {
    add_notification(c, {store::next_id(), target.id, follower.id, "follow_request", std::nullopt, now});
  } else {
    outbox.send_to(c, follower, convert::as::follow_activity(*uri, follower, target), target, now);
  }
}

void unfollow(store::Connection& c, Outbox& outbox, const store::AccountRecord& follower,
              const store::AccountRecord& target, int64_t now) {
  auto row = store::find_follow(c, follower.id, target.id);
  if (!row) row = store::find_follow_request(c, follower.id, target.id);
  if (!row) return;
  if (!target.local()) {
    auto reference = convert::as::follow_reference(follow_id_of(*row, follower), follower.uri, target.uri);
    outbox.send_to(c, follower, convert::as::undo_activity(follower, reference), target, now);
  }
  record_unfollow(c, follower, target);
  store::unmerge_from_home_feed(c, follower.id, target.id, false);
}

void remove_from_followers(store::Connection& c, Outbox& outbox, const store::AccountRecord& account,
                           const store::AccountRecord& follower, int64_t now) {
  auto row = store::find_follow(c, follower.id, account.id);
  if (!row) return;
  store::delete_follow(c, follower.id, account.id);
  if (follower.local()) {
    store::unmerge_from_home_feed(c, follower.id, account.id, false);
    return;
  }
  auto reference = convert::as::follow_reference(follow_id_of(*row, follower), follower.uri, account.uri);
  outbox.send_to(c, account, convert::as::reject_follow(account, reference, store::next_id()), follower, now);
}

void authorize_follow_request(store::Connection& c, Outbox& outbox, const store::AccountRecord& target,
                              const store::AccountRecord& requester, int64_t now) {
  auto request = store::find_follow_request(c, requester.id, target.id);
  if (!request) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  promote_request(c, *request, now);
  store::delete_notifications(c, target.id, requester.id, "follow_request");
  if (requester.local()) {
    store::merge_into_home_feed(c, requester.id, target.id, kFeedMergeLimit);
    return;
  }
  auto reference = convert::as::follow_reference(follow_id_of(*request, requester), requester.uri, target.uri);
  outbox.send_to(c, target, convert::as::accept_follow(target, reference, store::next_id()), requester, now);
}

void reject_follow_request(store::Connection& c, Outbox& outbox, const store::AccountRecord& target,
                           const store::AccountRecord& requester, int64_t now) {
  auto request = store::find_follow_request(c, requester.id, target.id);
  if (!request) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  store::delete_follow_request(c, requester.id, target.id);
  store::delete_notifications(c, target.id, requester.id, "follow_request");
  if (requester.local()) return;
  auto reference = convert::as::follow_reference(follow_id_of(*request, requester), requester.uri, target.uri);
  outbox.send_to(c, target, convert::as::reject_follow(target, reference, store::next_id()), requester, now);
}

bool accept_outgoing_follow(store::Connection& c, const store::AccountRecord& follower,
                            const store::AccountRecord& target, int64_t now) {
  auto request = store::find_follow_request(c, follower.id, target.id);
  if (!request) return false;
  promote_request(c, *request, now);
  store::merge_into_home_feed(c, follower.id, target.id, kFeedMergeLimit);
  return true;
}

bool reject_outgoing_follow(store::Connection& c, const store::AccountRecord& follower,
                            const store::AccountRecord& target) {
  bool withdrawn = store::delete_follow_request(c, follower.id, target.id);
  bool removed = store::delete_follow(c, follower.id, target.id);
  if (removed) store::unmerge_from_home_feed(c, follower.id, target.id, false);
  return withdrawn || removed;
}

}  // namespace vmst::services
