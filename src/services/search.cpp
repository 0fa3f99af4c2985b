#include "services/search.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <spdlog/spdlog.h>

#include "services/account_lookup.hpp"
#include "services/remote_status_fetch.hpp"
#include "services/search_query.hpp"
#include "services/status_views.hpp"
#include "store/follow_store.hpp"
#include "store/search_store.hpp"
#include "store/status_store.hpp"
#include "text/hashtag_name.hpp"
#include "text/trim.hpp"

namespace vmst::services {

namespace {

// Without a signed-in viewer, short queries only find exact handles (Mastodon's MIN_QUERY_LENGTH).
constexpr size_t kAnonymousMinimumLength = 3;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

std::optional<int64_t> decimal(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The status id in one of this instance's status URLs: /@user/ID or /users/user/statuses/ID.
std::optional<int64_t> local_status_id(const federation::LocalUrls& urls, const std::string& url) {
  if (url.rfind(urls.base() + "/", 0) != 0) return std::nullopt;
  std::string path = url.substr(urls.base().size());
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) path.resize(cut);
  std::vector<std::string> parts;
  for (size_t at = 1; at <= path.size();) {
    size_t slash = path.find('/', at);
    if (slash == std::string::npos) slash = path.size();
    if (slash > at) parts.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  if (parts.size() == 2 && parts[0].size() > 1 && parts[0][0] == '@') return decimal(parts[1]);
  if (parts.size() == 4 && parts[0] == "users" && parts[2] == "statuses") return decimal(parts[3]);
  return std::nullopt;
}

// The local account a profile URL names: /@user or /users/user.
std::optional<std::string> local_username(const federation::LocalUrls& urls, const std::string& url) {
  if (url.rfind(urls.base() + "/", 0) != 0) return std::nullopt;
  std::string path = url.substr(urls.base().size());
  if (auto cut = path.find_first_of("?#"); cut != std::string::npos) path.resize(cut);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path.rfind("/@", 0) == 0 && path.find('/', 2) == std::string::npos) return path.substr(2);
  if (path.rfind("/users/", 0) == 0 && path.find('/', 7) == std::string::npos) return path.substr(7);
  return std::nullopt;
}

void resolve_url(const SearchEnvironment& env, const SearchRequest& request, const std::string& url,
                 convert::mastodon::SearchResults& out) {
  const bool want_accounts = request.type.empty() || request.type == "accounts";
  const bool want_statuses = request.type.empty() || request.type == "statuses";
  std::optional<store::AccountRecord> account;
  bool found_status = false;
  env.db.read([&](store::Connection& c) {
    if (want_statuses) {
      std::optional<store::StatusRecord> status;
      if (auto id = local_status_id(env.urls, url)) status = store::find_status(c, *id);
      if (!status) status = store::find_status_by_uri(c, url);
      if (status && status_visible_to(c, *status, request.viewer)) {
        out.status_ids.push_back(status->id);
        out.statuses = load_statuses(c, {status->id}, request.viewer);
        found_status = true;
      }
    }
    if (want_accounts && !found_status) {
      if (auto username = local_username(env.urls, url)) account = store::find_local_account_by_username(c, *username);
      if (!account) account = store::find_account_by_uri(c, url);
      if (account && is_hidden_account(*account)) account.reset();
    }
  });
  if (found_status) return;
  // Mastodon fetches unknown URLs only for signed-in users who asked to resolve.
  const bool may_fetch = request.resolve && request.viewer && url.rfind(env.urls.base() + "/", 0) != 0;
  if (want_statuses && may_fetch && !account) {
    auto fetched = fetch_remote_status(env.db, env.resolver, url, request.now);
    if (fetched.kind == FetchedStatus::Kind::Status) {
      env.db.read([&](store::Connection& c) {
        auto status = store::find_status(c, fetched.status_id);
        if (status && status_visible_to(c, *status, request.viewer)) {
          out.status_ids.push_back(status->id);
          out.statuses = load_statuses(c, {status->id}, request.viewer);
        }
      });
      return;
    }
    if (fetched.kind == FetchedStatus::Kind::Unavailable) return;  // an actor fetch would fail the same way
  }
  if (!want_accounts) return;
  if (!account && may_fetch) {
    try {
      account = env.resolver.by_uri(url);
    } catch (const federation::ResolveError& e) {
      spdlog::debug("search: {} did not resolve to an actor: {}", url, e.what());
    }
  }
  if (account) out.accounts.push_back(*account);
}

}  // namespace

std::vector<store::AccountRecord> search_accounts(const SearchEnvironment& env, const AccountSearchRequest& request) {
  std::string term(text::trim(request.query, text::kSpacesTabsAndLineBreaks));
  if (!term.empty() && term.front() == '@') term.erase(0, 1);
  if (term.empty() || request.limit < 1) return {};

  store::AccountSearchQuery query;
  query.limit = request.limit;
  query.offset = request.offset;
  query.viewer = request.viewer;
  if (request.following && request.viewer) query.following_of = request.viewer;

  // user@domain: an exact handle, found or (when asked) resolved, comes first.
  std::optional<store::AccountRecord> exact;
  const auto at = term.find('@');
  if (at != std::string::npos) {
    query.term = term.substr(0, at);
    std::string domain = lower(term.substr(at + 1));
    const bool local = domain.empty() || domain == lower(env.local_domain);
    query.domain = local ? std::string() : domain;
    auto handle = parse_handle(term);
    if (handle && request.offset == 0) {
      exact = env.db.read([&](store::Connection& c) { return find_by_handle(c, *handle, env.local_domain); });
      if (!exact && !local && request.resolve && request.viewer) {
        try {
          exact = env.webfinger.resolve_handle(handle->username + "@" + handle->domain);
        } catch (const federation::ResolveError& e) {
          spdlog::debug("search: @{}@{} did not resolve: {}", handle->username, handle->domain, e.what());
        }
      }
      if (exact && query.following_of) {
        const bool follows = env.db.read([&](store::Connection& c) { return store::is_following(c, *request.viewer, exact->id); });
        if (!follows) exact.reset();
      }
    }
  } else {
    query.term = term;
  }

  std::vector<store::AccountRecord> out;
  if (exact) out.push_back(*exact);
  if (!request.viewer && term.size() < kAnonymousMinimumLength) return out;
  if (query.term.empty()) return out;
  const auto ids = env.db.read([&](store::Connection& c) { return store::search_accounts(c, query); });
  auto accounts = env.db.read([&](store::Connection& c) { return store::find_accounts(c, ids); });
  for (int64_t id : ids) {
    if (static_cast<int>(out.size()) >= request.limit) break;
    if (exact && exact->id == id) continue;
    auto it = std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.id == id; });
    if (it != accounts.end()) out.push_back(*it);
  }
  return out;
}

convert::mastodon::SearchResults search(const SearchEnvironment& env, const SearchRequest& request) {
  convert::mastodon::SearchResults out;
  // An unknown type searches nothing, as in Mastodon.
  if (!request.type.empty() && request.type != "accounts" && request.type != "statuses" &&
      request.type != "hashtags") {
    return out;
  }
  const std::string query(text::trim(request.query, text::kSpacesTabsAndLineBreaks));
  if (query.empty() || request.limit < 1) return out;
  // Mastodon pages only within one type; a mixed search always starts at the top.
  const int offset = request.type.empty() ? 0 : request.offset;

  if (is_url_query(query)) {
    if (offset == 0) resolve_url(env, request, query, out);
    return out;
  }

  const auto scopes = search_scopes(query, request.type, request.viewer.has_value());
  if (scopes.accounts) {
    out.accounts = search_accounts(env, {query, request.resolve, request.following, request.viewer, request.limit, offset});
  }
  if (scopes.statuses) {
    const auto text = parse_text_query(query);
    if (auto match = fts_expression(text)) {
      env.db.read([&](store::Connection& c) {
        store::StatusSearchQuery q;
        q.match = *match;
        q.viewer = *request.viewer;
        q.now = request.now;
        q.account_id = request.account_id;
        if (text.from) {
          std::optional<store::AccountRecord> author;
          if (auto handle = parse_handle(*text.from)) author = find_by_handle(c, *handle, env.local_domain);
          if (!author) return;  // from: someone unknown finds nothing
          if (q.account_id && *q.account_id != author->id) return;
          q.account_id = author->id;
        }
        q.max_id = request.max_id;
        q.min_id = request.min_id;
        q.limit = request.limit;
        q.offset = offset;
        for (int64_t id : store::search_statuses(c, q)) out.status_ids.push_back(id);
        out.statuses = load_statuses(c, out.status_ids, request.viewer);
        // The rules in status_views have the last word over the SQL's reading of them.
        std::erase_if(out.status_ids, [&](int64_t id) {
          const auto* status = out.statuses.status(id);
          return !status || !status_visible_to(c, *status, request.viewer);
        });
      });
    }
  }
  if (scopes.hashtags) {
    // Tags are stored under their normalised name (#Café and #cafe are one tag).
    const std::string name = text::normalize_hashtag_name(hashtag_query(query).value_or(""));
    if (!name.empty()) {
      out.hashtags = env.db.read(
          [&](store::Connection& c) { return store::search_tags(c, name, request.viewer, request.limit, offset); });
    }
  }
  return out;
}

}  // namespace vmst::services
