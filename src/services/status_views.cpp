#include "services/status_views.hpp"

#include <algorithm>

#include "services/emoji_usage.hpp"
#include "services/service_error.hpp"
#include "services/status_filters.hpp"
#include "store/account_display_store.hpp"
#include "store/account_moderation_store.hpp"
#include "store/follow_store.hpp"
#include "store/poll_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

bool mentions(store::Connection& c, int64_t status_id, int64_t account_id) {
  for (const auto& [status, account] : store::mentions_of(c, {status_id}))
    if (account == account_id) return true;
  return false;
}

}  // namespace

bool status_visible_to(store::Connection& c, const store::StatusRecord& status, std::optional<int64_t> viewer) {
  // Statuses of a suspended account are hidden from everyone, as Mastodon's StatusPolicy does.
  if (store::account_suspended(c, status.account_id)) return false;
  if (viewer && *viewer != status.account_id && store::is_blocking(c, status.account_id, *viewer)) return false;
  if (status.visibility == "public" || status.visibility == "unlisted") return true;
  if (!viewer) return false;
  if (*viewer == status.account_id) return true;
  if (status.visibility == "private" && store::is_following(c, *viewer, status.account_id)) return true;
  return mentions(c, status.id, *viewer);
}

store::StatusRecord visible_status(store::Connection& c, int64_t status_id, std::optional<int64_t> viewer) {
  auto status = store::find_status(c, status_id);
  if (!status || !status_visible_to(c, *status, viewer)) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
  if (status->reblog_of_id) {
    auto original = store::find_status(c, *status->reblog_of_id);
    if (!original || !status_visible_to(c, *original, viewer)) {
      throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    }
  }
  return *status;
}

namespace {

// The custom emoji the page's statuses and accounts use: one query per server they come from.
void load_emojis(store::Connection& c, convert::mastodon::StatusBundle& bundle) {
  std::unordered_map<int64_t, std::vector<std::string>> by_status, by_account;
  EmojiLookup lookup;
  auto domain_of = [&](int64_t account_id) {
    const auto* account = bundle.account(account_id);
    return account ? account->domain : std::nullopt;
  };
  for (const auto& [id, s] : bundle.statuses) {
    auto shortcodes = status_shortcodes(s);
    if (shortcodes.empty()) continue;
    lookup.want(domain_of(s.account_id), shortcodes);
    by_status.emplace(id, std::move(shortcodes));
  }
  for (const auto& [id, account] : bundle.accounts) {
    auto shortcodes = account_shortcodes(account);
    if (shortcodes.empty()) continue;
    lookup.want(account.domain, shortcodes);
    by_account.emplace(id, std::move(shortcodes));
  }
  if (by_status.empty() && by_account.empty()) return;
  lookup.load(c);
  for (const auto& [id, shortcodes] : by_status) {
    auto emojis = lookup.find(domain_of(bundle.statuses.at(id).account_id), shortcodes);
    if (!emojis.empty()) bundle.emojis.emplace(id, std::move(emojis));
  }
  for (const auto& [id, shortcodes] : by_account) {
    auto emojis = lookup.find(bundle.accounts.at(id).domain, shortcodes);
    if (!emojis.empty()) bundle.account_emojis.emplace(id, std::move(emojis));
  }
}

}  // namespace

convert::mastodon::StatusBundle load_statuses(store::Connection& c, const std::vector<int64_t>& ids,
                                              std::optional<int64_t> viewer,
                                              const std::vector<store::FilterRecord>* filters) {
  convert::mastodon::StatusBundle bundle;
  bundle.viewer_account_id = viewer;
  std::vector<int64_t> reblogged;
  for (auto& s : store::find_statuses(c, ids)) {
    if (s.reblog_of_id) reblogged.push_back(*s.reblog_of_id);
    bundle.statuses.emplace(s.id, std::move(s));
  }
  for (auto& s : store::find_statuses(c, reblogged)) bundle.statuses.emplace(s.id, std::move(s));

  std::vector<int64_t> all_ids, account_ids, application_ids;
  for (const auto& [id, s] : bundle.statuses) {
    all_ids.push_back(id);
    account_ids.push_back(s.account_id);
    if (s.application_id) application_ids.push_back(*s.application_id);
  }
  for (const auto& [status_id, account_id] : store::mentions_of(c, all_ids)) {
    bundle.mentions[status_id].push_back(account_id);
    account_ids.push_back(account_id);
  }
  std::sort(account_ids.begin(), account_ids.end());
  account_ids.erase(std::unique(account_ids.begin(), account_ids.end()), account_ids.end());
  for (auto& a : store::find_accounts_for_display(c, account_ids)) bundle.accounts.emplace(a.id, std::move(a));
  for (auto& [status_id, name] : store::tags_of(c, all_ids)) bundle.tags[status_id].push_back(std::move(name));
  load_emojis(c, bundle);
  for (auto& m : store::media_of_statuses(c, all_ids)) bundle.media[*m.status_id].push_back(std::move(m));
  for (auto& app : store::application_names(c, application_ids)) bundle.applications.emplace(app.id, std::move(app));
  // Polls and the viewer's votes on them: two queries for the whole page.
  std::vector<int64_t> poll_ids;
  for (auto& poll : store::polls_of_statuses(c, all_ids)) {
    poll_ids.push_back(poll.id);
    bundle.polls.emplace(poll.status_id, std::move(poll));
  }
  bundle.loaded_at = now_millis();
  if (viewer) bundle.own_poll_votes = store::own_poll_votes(c, *viewer, poll_ids);
  if (viewer) bundle.viewer = store::viewer_flags(c, *viewer, all_ids);
  if (viewer) apply_filters(bundle, filters ? *filters : active_filters(c, *viewer, now_millis()));
  return bundle;
}

}  // namespace vmst::services
