#include "services/account_moderation.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "convert/activitystreams/activities.hpp"
#include "convert/activitystreams/actor.hpp"
#include "convert/mastodon/account.hpp"
#include "delivery/fan_out.hpp"
#include "services/service_error.hpp"
#include "store/account_moderation_store.hpp"
#include "store/fan_out_store.hpp"
#include "store/ids.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;
using convert::mastodon::acct_of;

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

std::optional<ModeratedAccount> lookup(store::Connection& c, const ModerationContext& ctx, const std::string& handle) {
  std::string name = handle;
  if (!name.empty() && name.front() == '@') name.erase(0, 1);
  std::optional<std::string> domain;
  if (auto at = name.find('@'); at != std::string::npos) {
    domain = name.substr(at + 1);
    name.resize(at);
    if (lowercase(*domain) == lowercase(ctx.domain)) domain.reset();
  }
  if (name.empty()) return std::nullopt;
  if (domain) {
    if (domain->empty()) return std::nullopt;
    auto remote = store::find_remote_account_by_handle(c, name, *domain);
    if (!remote) return std::nullopt;
    return ModeratedAccount{*remote, std::nullopt, false};
  }
  auto local = store::find_local_account_by_username(c, name);
  // The instance actor is no one's account: it cannot be moderated.
  if (!local || local->actor_type == "Application") return std::nullopt;
  return ModeratedAccount{*local, store::find_local_account(c, local->username),
                          store::local_account_availability(c, local->id).deleted};
}

ModeratedAccount require(store::Connection& c, const ModerationContext& ctx, const std::string& handle) {
  auto found = lookup(c, ctx, handle);
  if (!found) throw ServiceError(Kind::NotFound, "no account \"" + handle + "\"");
  return *found;
}

ModeratedAccount require_local(store::Connection& c, const ModerationContext& ctx, const std::string& handle,
                               const char* what) {
  auto m = require(c, ctx, handle);
  if (!m.account.local() || !m.user) {
    throw ServiceError(Kind::Invalid, std::string("only local accounts can be ") + what + "; \"" + handle +
                                          "\" is on another server");
  }
  return m;
}

void reject_if_deleted(const ModeratedAccount& m) {
  if (m.deleted) throw ServiceError(Kind::Conflict, "@" + acct_of(m.account) + " was deleted");
}

void log_action(store::Connection& c, const ModerationContext& ctx, const std::string& action,
                const store::AccountRecord& target, int64_t now, const std::string& detail = "") {
  store::AdminAction entry;
  entry.account_id = ctx.moderator_account_id;
  entry.action = action;
  entry.target_type = "Account";
  entry.target_id = std::to_string(target.id);
  entry.summary = "@" + acct_of(target) + (detail.empty() ? "" : " " + detail);
  entry.created_at = now;
  store::insert_admin_action(c, entry);
}

std::vector<std::string> follower_inboxes(store::Connection& c, int64_t account_id) {
  std::vector<delivery::Recipient> recipients;
  for (auto& inbox : store::remote_follower_inboxes(c, account_id)) {
    recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
  }
  return delivery::collapse_recipients(recipients);
}

// The local actor as it now is, sent as an Update to its followers' servers. Returns how many inboxes.
int send_actor_update(store::Connection& c, const ModerationContext& ctx, int64_t account_id, int64_t now) {
  if (!ctx.enqueue) return 0;
  auto account = store::find_account(c, account_id);
  auto inboxes = follower_inboxes(c, account_id);
  if (!account || inboxes.empty()) return 0;
  auto activity = convert::as::update_actor_activity(convert::as::local_actor(*account, ctx.urls, ctx.domain),
                                                     store::next_id());
  ctx.enqueue(c, account_id, activity.dump(), inboxes, now);
  return static_cast<int>(inboxes.size());
}

// A remote account keeps living at its server, so its follows of local accounts end here, with a Reject telling
// its server (Mastodon's SuspendAccountService#reject_remote_follows!).
int reject_remote_follows(store::Connection& c, const ModerationContext& ctx, const store::AccountRecord& remote,
                          int64_t now) {
  int sent = 0;
  if (ctx.enqueue && !remote.inbox_url.empty()) {
    for (const auto& follow : store::follows_by_remote(c, remote.id)) {
      auto local = store::find_account(c, follow.local_account_id);
      if (!local) continue;
      const std::string follow_id = follow.uri.value_or(remote.uri + "#follows/" + std::to_string(follow.follow_id));
      auto reject = convert::as::reject_follow(
          *local, convert::as::follow_reference(follow_id, remote.uri, local->uri), store::next_id());
      ctx.enqueue(c, local->id, reject.dump(), {remote.inbox_url}, now);
      ++sent;
    }
  }
  store::delete_follows_by(c, remote.id);
  return sent;
}

template <class Fn>
auto write_and_wake(const ModerationContext& ctx, Fn&& fn) {
  auto result = ctx.db.write(std::forward<Fn>(fn));
  if (ctx.wake_delivery) ctx.wake_delivery();
  return result;
}

ModeratedAccount reread(store::Connection& c, const ModeratedAccount& m) {
  auto account = store::find_account(c, m.account.id);
  ModeratedAccount out{account ? *account : m.account, std::nullopt, false};
  if (out.account.local()) {
    out.user = store::find_local_account(c, out.account.username);
    out.deleted = store::local_account_availability(c, out.account.id).deleted;
  }
  return out;
}

}  // namespace

std::vector<LocalAccountListing> list_local_accounts_for_moderation(store::Database& db) {
  return db.read([](store::Connection& c) {
    std::map<int64_t, store::LocalAccountMarks> marks;
    for (const auto& m : store::local_account_marks(c)) marks[m.account_id] = m;
    std::vector<LocalAccountListing> out;
    for (auto& summary : store::list_local_accounts(c)) {
      const auto& mark = marks[summary.account_id];
      out.push_back({std::move(summary), mark.silenced, mark.deleted});
    }
    return out;
  });
}

ModeratedAccount find_moderated_account(const ModerationContext& ctx, const std::string& handle) {
  return ctx.db.read([&](store::Connection& c) { return require(c, ctx, handle); });
}

ModeratedAccount approve_account(const ModerationContext& ctx, const std::string& handle) {
  return ctx.db.write([&](store::Connection& c) {
    auto m = require_local(c, ctx, handle, "approved");
    if (m.user->approved) throw ServiceError(Kind::Conflict, "@" + m.account.username + " is not waiting for approval");
    const int64_t now = now_millis();
    store::set_user_approved(c, m.user->user_id, now);
    log_action(c, ctx, "approve_user", m.account, now);
    return reread(c, m);
  });
}

void reject_account(const ModerationContext& ctx, const std::string& handle) {
  ctx.db.write([&](store::Connection& c) {
    auto m = require_local(c, ctx, handle, "rejected");
    if (m.user->approved) {
      throw ServiceError(Kind::Conflict, "@" + m.account.username +
                                             " is not waiting for approval (use `vmst account delete` instead)");
    }
    const int64_t now = now_millis();
    log_action(c, ctx, "reject_user", m.account, now);
    store::delete_account_row(c, m.account.id);
  });
}

SuspensionResult suspend_account(const ModerationContext& ctx, const std::string& handle) {
  return write_and_wake(ctx, [&](store::Connection& c) {
    auto m = require(c, ctx, handle);
    reject_if_deleted(m);
    if (m.account.suspended_at) throw ServiceError(Kind::Conflict, "@" + acct_of(m.account) + " is already suspended");
    const int64_t now = now_millis();
    store::set_account_suspended(c, m.account.id, now);
    SuspensionResult result;
    // Its tokens are refused from now on (the token lookup skips suspended accounts) and work again after
    // unsuspend, as in Mastodon; browser sessions end.
    if (m.user) store::end_web_sessions(c, m.user->user_id);
    result.inboxes = m.account.local() ? send_actor_update(c, ctx, m.account.id, now)
                                       : reject_remote_follows(c, ctx, m.account, now);
    log_action(c, ctx, "suspend_account", m.account, now);
    result.moderated = reread(c, m);
    return result;
  });
}

SuspensionResult unsuspend_account(const ModerationContext& ctx, const std::string& handle) {
  return write_and_wake(ctx, [&](store::Connection& c) {
    auto m = require(c, ctx, handle);
    reject_if_deleted(m);
    if (!m.account.suspended_at) throw ServiceError(Kind::Conflict, "@" + acct_of(m.account) + " is not suspended");
    const int64_t now = now_millis();
    store::set_account_suspended(c, m.account.id, std::nullopt);
    SuspensionResult result;
    if (m.account.local()) result.inboxes = send_actor_update(c, ctx, m.account.id, now);
    log_action(c, ctx, "unsuspend_account", m.account, now);
    result.moderated = reread(c, m);
    return result;
  });
}

ModeratedAccount silence_account(const ModerationContext& ctx, const std::string& handle) {
  return ctx.db.write([&](store::Connection& c) {
    auto m = require(c, ctx, handle);
    reject_if_deleted(m);
    if (m.account.silenced_at) throw ServiceError(Kind::Conflict, "@" + acct_of(m.account) + " is already silenced");
    const int64_t now = now_millis();
    store::set_account_silenced(c, m.account.id, now);
    log_action(c, ctx, "silence_account", m.account, now);
    return reread(c, m);
  });
}

ModeratedAccount unsilence_account(const ModerationContext& ctx, const std::string& handle) {
  return ctx.db.write([&](store::Connection& c) {
    auto m = require(c, ctx, handle);
    reject_if_deleted(m);
    if (!m.account.silenced_at) throw ServiceError(Kind::Conflict, "@" + acct_of(m.account) + " is not silenced");
    const int64_t now = now_millis();
    store::set_account_silenced(c, m.account.id, std::nullopt);
    log_action(c, ctx, "unsilence_account", m.account, now);
    return reread(c, m);
  });
}

ModeratedAccount set_account_role(const ModerationContext& ctx, const std::string& handle, const std::string& role) {
  if (role != "user" && role != "moderator" && role != "admin") {
    throw ServiceError(Kind::Invalid, "role \"" + role + "\" is not one of user, moderator, admin");
  }
  return ctx.db.write([&](store::Connection& c) {
    auto m = require_local(c, ctx, handle, "given a role");
    reject_if_deleted(m);
    if (m.user->role == role) throw ServiceError(Kind::Conflict, "@" + m.account.username + " already is " + role);
    const int64_t now = now_millis();
    store::set_user_role(c, m.user->user_id, role, now);
    log_action(c, ctx, "change_role_user", m.account, now, "from " + m.user->role + " to " + role);
    return reread(c, m);
  });
}

DeletionResult delete_local_account(const ModerationContext& ctx, const std::string& handle) {
  return write_and_wake(ctx, [&](store::Connection& c) {
    auto m = require_local(c, ctx, handle, "deleted");
    reject_if_deleted(m);
    const int64_t now = now_millis();
    DeletionResult result;
    result.username = m.account.username;
    if (!m.user->approved) {
      // Never approved: nothing of it went out, so it goes entirely (Mastodon frees such names too).
      log_action(c, ctx, "reject_user", m.account, now);
      store::delete_account_row(c, m.account.id);
      return result;
    }
    // Who must hear of it, before the follows go: followers' servers, then every other server we know.
    std::vector<delivery::Recipient> recipients;
    for (auto& inbox : store::remote_follower_inboxes(c, m.account.id)) {
      recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
    }
    for (auto& inbox : store::known_remote_inboxes(c)) recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
    auto inboxes = delivery::collapse_recipients(recipients);

    result.statuses_deleted = store::delete_statuses_of(c, m.account.id);
    store::sever_follows_of(c, m.account.id);
    store::mark_account_deleted(c, m.account.id, now);
    store::set_user_disabled(c, m.user->user_id, now);
    store::end_sessions_and_tokens(c, m.user->user_id, now);
    if (ctx.enqueue && !inboxes.empty()) {
      // Signed with the account's own key, which the row keeps.
      ctx.enqueue(c, m.account.id, convert::as::delete_actor_activity(m.account).dump(), inboxes, now);
      result.inboxes = static_cast<int>(inboxes.size());
    }
    log_action(c, ctx, "destroy_account", m.account, now);
    return result;
  });
}

}  // namespace vmst::services
