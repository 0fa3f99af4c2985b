#include "services/status_interactions.hpp"

#include "convert/activitystreams/note.hpp"
#include "delivery/fan_out.hpp"
#include "services/service_error.hpp"
#include "services/status_views.hpp"
#include "services/notification_grouping.hpp"
#include "store/account_store.hpp"
#include "store/fan_out_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/interaction_store.hpp"
#include "store/notification_store.hpp"
#include "store/status_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

store::AccountRecord actor_account(store::Connection& c, int64_t account_id) {
  auto account = store::find_account(c, account_id);
  if (!account || !account->local()) throw ServiceError(Kind::NotFound, "Record not found");
  return *account;
}

// The status itself, never a reblog wrapper: actions on a wrapper act on what it reblogs, as Mastodon does.
store::StatusRecord target_status(store::Connection& c, int64_t status_id, int64_t viewer) {
  auto status = visible_status(c, status_id, viewer);
  if (status.reblog_of_id) status = visible_status(c, *status.reblog_of_id, viewer);
  return status;
}

void deliver(PostingContext& ctx, store::Connection& c, int64_t sender, const nlohmann::json& activity,
             const std::vector<delivery::Recipient>& recipients, bool& enqueued) {
  auto inboxes = delivery::collapse_recipients(recipients);
  if (inboxes.empty() || !ctx.enqueue) return;
  ctx.enqueue(c, sender, activity.dump(), inboxes, now_millis());
  enqueued = true;
}

std::vector<delivery::Recipient> followers_and(store::Connection& c, int64_t account_id,
                                               const store::AccountRecord& also) {
  std::vector<delivery::Recipient> out;
  for (auto& inbox : store::remote_follower_inboxes(c, account_id)) out.push_back({inbox.inbox_url, inbox.shared_inbox_url});
  if (also.domain) out.push_back({also.inbox_url, also.shared_inbox_url});
  return out;
}

template <class Fn>
void write_and_wake(PostingContext& ctx, Fn&& fn) {
  bool enqueued = false;
  ctx.db.write([&](store::Connection& c) { fn(c, enqueued); });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
}

}  // namespace

void favourite_status(PostingContext& ctx, int64_t account_id, int64_t status_id) {
  write_and_wake(ctx, [&](store::Connection& c, bool& enqueued) {
    const int64_t now = now_millis();
    auto liker = actor_account(c, account_id);
    auto status = target_status(c, status_id, account_id);
    const int64_t id = store::next_id();
    if (!store::insert_favourite(c, id, account_id, status.id, liker.uri + "#likes/" + std::to_string(id), now)) return;
    store::add_to_status_counter(c, status.id, store::StatusCounter::Favourites, 1);
    auto author = store::find_account(c, status.account_id);
    if (!author) return;
    if (author->local() && author->id != account_id && !store::is_blocking(c, author->id, account_id)) {
      add_notification(c, {store::next_id(), author->id, account_id, "favourite", status.id, now});
    }
    if (author->domain) {
      deliver(ctx, c, account_id, convert::as::like(liker, id, status.uri),
              {{author->inbox_url, author->shared_inbox_url}}, enqueued);
    }
  });
}

void unfavourite_status(PostingContext& ctx, int64_t account_id, int64_t status_id) {
  write_and_wake(ctx, [&](store::Connection& c, bool& enqueued) {
    auto liker = actor_account(c, account_id);
    auto status = store::find_status(c, status_id);
    if (!status) throw ServiceError(Kind::NotFound, "Record not found");
    if (status->reblog_of_id) status = store::find_status(c, *status->reblog_of_id);
    if (!status) throw ServiceError(Kind::NotFound, "Record not found");
    auto removed = store::delete_favourite(c, account_id, status->id);
    if (!removed) return;
    store::add_to_status_counter(c, status->id, store::StatusCounter::Favourites, -1);
    store::delete_notifications(c, status->account_id, account_id, "favourite", status->id);
    auto author = store::find_account(c, status->account_id);
    if (author && author->domain) {
      deliver(ctx, c, account_id, convert::as::undo(convert::as::like(liker, *removed, status->uri), liker.uri),
              {{author->inbox_url, author->shared_inbox_url}}, enqueued);
    }
  });
}

int64_t reblog_status(PostingContext& ctx, int64_t account_id, int64_t status_id,
                      const std::optional<std::string>& visibility) {
  int64_t result = 0;
  write_and_wake(ctx, [&](store::Connection& c, bool& enqueued) {
    const int64_t now = now_millis();
    auto booster = actor_account(c, account_id);
    auto original = target_status(c, status_id, account_id);
    if (original.visibility == "private" || original.visibility == "direct") {
      throw ServiceError(Kind::Forbidden, "This action is not allowed");
    }
    if (auto existing = store::find_reblog(c, account_id, original.id)) {
      result = *existing;
      return;
    }
    std::string v = visibility.value_or("public");
    if (v != "public" && v != "unlisted" && v != "private") v = "public";
    store::StatusRecord wrapper;
    wrapper.id = store::id_for_time(now);
    wrapper.uri = ctx.urls.status(booster.username, wrapper.id) + "/activity";
    wrapper.account_id = account_id;
    wrapper.local = true;
    wrapper.reblog_of_id = original.id;
    wrapper.visibility = v;
    wrapper.created_at = now;
    wrapper.updated_at = now;
    store::insert_status(c, wrapper);
    store::add_to_status_counter(c, original.id, store::StatusCounter::Reblogs, 1);
    store::add_to_account_statuses(c, account_id, 1, now);
    std::vector<int64_t> home = {account_id};
    if (v != "direct") {
      auto followers = store::local_follower_ids(c, account_id, true);
      home.insert(home.end(), followers.begin(), followers.end());
    }
    store::insert_home_feed(c, home, wrapper.id);
    auto author = store::find_account(c, original.account_id);
    if (author && author->local() && author->id != account_id && !store::is_blocking(c, author->id, account_id)) {
      add_notification(c, {store::next_id(), author->id, account_id, "reblog", original.id, now});
    }
    if (author) {
      deliver(ctx, c, account_id, convert::as::announce(wrapper, booster, original, *author),
              followers_and(c, account_id, *author), enqueued);
    }
    result = wrapper.id;
  });
  return result;
}

void unreblog_status(PostingContext& ctx, int64_t account_id, int64_t status_id) {
  write_and_wake(ctx, [&](store::Connection& c, bool& enqueued) {
    auto booster = actor_account(c, account_id);
    auto status = store::find_status(c, status_id);
    if (!status) throw ServiceError(Kind::NotFound, "Record not found");
    int64_t original_id = status->reblog_of_id.value_or(status->id);
    auto wrapper_id = store::find_reblog(c, account_id, original_id);
    if (!wrapper_id) return;
    auto wrapper = store::find_status(c, *wrapper_id);
    auto original = store::find_status(c, original_id);
    store::delete_status(c, *wrapper_id);
    store::add_to_status_counter(c, original_id, store::StatusCounter::Reblogs, -1);
    store::add_to_account_statuses(c, account_id, -1, std::nullopt);
    if (original) store::delete_notifications(c, original->account_id, account_id, "reblog", original_id);
    auto author = original ? store::find_account(c, original->account_id) : std::nullopt;
    if (wrapper && original && author) {
      auto activity = convert::as::undo(convert::as::announce(*wrapper, booster, *original, *author), booster.uri);
      deliver(ctx, c, account_id, activity, followers_and(c, account_id, *author), enqueued);
    }
  });
}

void bookmark_status(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on) {
  ctx.db.write([&](store::Connection& c) {
    auto status = target_status(c, status_id, account_id);
    if (on) {
      store::insert_bookmark(c, store::next_id(), account_id, status.id, now_millis());
    } else {
      store::delete_bookmark(c, account_id, status.id);
    }
  });
}

void pin_status(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on) {
  ctx.db.write([&](store::Connection& c) {
    auto status = store::find_status(c, status_id);
    if (!status || status->account_id != account_id) throw ServiceError(Kind::NotFound, "Record not found");
    if (!on) {
      store::delete_pin(c, account_id, status->id);
      return;
    }
    if (status->reblog_of_id || status->visibility == "private" || status->visibility == "direct") {
      throw ServiceError(Kind::Invalid, "Validation failed: Status cannot be pinned");
    }
    if (store::count_pins(c, account_id) >= kMaxPinnedStatuses) {
      throw ServiceError(Kind::Invalid, "Validation failed: Maximum number of pinned posts reached");
    }
    store::insert_pin(c, store::next_id(), account_id, status->id, now_millis());
  });
}

void mute_status_conversation(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on) {
  ctx.db.write([&](store::Connection& c) {
    auto status = target_status(c, status_id, account_id);
    if (!status.conversation_id) return;
    if (on) {
      store::mute_conversation(c, account_id, *status.conversation_id);
    } else {
      store::unmute_conversation(c, account_id, *status.conversation_id);
    }
  });
}

}  // namespace vmst::services
