#include "api/status_routes.hpp"

#include "api/authentication.hpp"
#include "api/pagination.hpp"
#include "api/poll_params.hpp"
#include "api/scheduled_status_routes.hpp"
#include "api/path_ids.hpp"
#include "api/status_rendering.hpp"
#include "convert/mastodon/account.hpp"
#include "convert/mastodon/scheduled_status.hpp"
#include "convert/mastodon/status.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/scheduled_statuses.hpp"
#include "services/status_interactions.hpp"
#include "services/status_views.hpp"
#include "store/account_store.hpp"
#include "store/ids.hpp"
#include "store/interaction_store.hpp"
#include "store/status_edit_poll_store.hpp"
#include "store/status_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

using http::Method;
using Req = const httplib::Request&;
using Res = httplib::Response&;
using Params = const http::PathParams&;

std::vector<int64_t> parse_ids(const std::vector<std::string>& texts, const char* what) {
  std::vector<int64_t> out;
  for (const auto& t : texts) {
    try {
      out.push_back(path_id(t));
    } catch (const http::HttpError&) {
      throw http::HttpError(422, std::string("Validation failed: ") + what + " are invalid");
    }
  }
  return out;
}

void create_status(ApiContext& api, Req req, Res res) {
  auto principal = require_user(req, api.db, "write:statuses");
  auto params = http::RequestParams::from(req);
  services::NewStatus request;
  request.account_id = *principal.account_id;
  request.application_id = principal.application_id;
  request.text = params.string("status").value_or("");
  request.media_ids = parse_ids(params.strings("media_ids"), "Media attachments");
  if (auto reply = params.string("in_reply_to_id"); reply && !reply->empty()) request.in_reply_to_id = path_id(*reply);
  request.sensitive = params.flag("sensitive", false);
  request.spoiler_text = params.string("spoiler_text").value_or("");
  request.visibility = params.string("visibility");
  if (request.visibility && request.visibility->empty()) request.visibility.reset();
  request.language = params.string("language");
  if (request.language && request.language->empty()) request.language.reset();
  if (auto key = req.get_header_value("Idempotency-Key"); !key.empty()) request.idempotency_key = key;
  request.poll = poll_params(params);
  auto ctx = posting_context(api);
  // A time already past posts now, as Mastodon's PostStatusService does; a later one answers a ScheduledStatus.
  if (auto text = params.string("scheduled_at"); text && !text->empty()) {
    const int64_t at = scheduled_at_param(*text), now = now_millis();
    if (at > now) {
      auto scheduled = services::schedule_status(ctx, request, at, now);
      http::send_json(res, 200, convert::mastodon::scheduled_status_json(scheduled, api.urls));
      return;
    }
  }
  int64_t id = services::post_status(ctx, request);
  http::send_json(res, 200, render_status(api, id, principal.account_id));
}

void show_status(ApiContext& api, Req req, Res res, Params p) {
  auto viewer = optional_viewer(req, api.db);
  int64_t id = path_id(p.get("id"));
  api.db.read([&](store::Connection& c) { services::visible_status(c, id, viewer); });
  http::send_json(res, 200, render_status(api, id, viewer));
}

void show_statuses(ApiContext& api, Req req, Res res) {
  auto viewer = optional_viewer(req, api.db);
  auto params = http::RequestParams::from(req);
  std::vector<int64_t> visible;
  api.db.read([&](store::Connection& c) {
    for (const auto& text : params.strings("id")) {
      try {
        int64_t id = path_id(text);
        services::visible_status(c, id, viewer);
        visible.push_back(id);
      } catch (const std::exception&) {
        // Mastodon leaves out what is missing or hidden.
      }
    }
  });
  http::send_json(res, 200, render_statuses(api, visible, viewer));
}

void edit_status(ApiContext& api, Req req, Res res, Params p) {
  auto principal = require_user(req, api.db, "write:statuses");
  auto params = http::RequestParams::from(req);
  services::StatusEdit edit;
  edit.account_id = *principal.account_id;
  edit.status_id = path_id(p.get("id"));
  edit.text = params.string("status").value_or("");
  if (params.has("media_ids")) edit.media_ids = parse_ids(params.strings("media_ids"), "Media attachments");
  edit.sensitive = params.flag("sensitive", false);
  edit.spoiler_text = params.string("spoiler_text").value_or("");
  edit.language = params.string("language");
  if (edit.language && edit.language->empty()) edit.language.reset();
  edit.poll = poll_params(params);
  auto ctx = posting_context(api);
  services::edit_status(ctx, edit);
  http::send_json(res, 200, render_status(api, edit.status_id, principal.account_id));
}

void delete_status(ApiContext& api, Req req, Res res, Params p) {
  auto principal = require_user(req, api.db, "write:statuses");
  int64_t id = path_id(p.get("id"));
  auto status = api.db.read([&](store::Connection& c) { return store::find_status(c, id); });
  if (!status || status->account_id != *principal.account_id) throw http::HttpError(404, "Record not found");
  // Rendered before it goes, with its source text, for delete-and-redraft.
  auto json = render_status(api, id, principal.account_id);
  json["text"] = status->text;
  auto ctx = posting_context(api);
  services::delete_own_status(ctx, *principal.account_id, id);
  http::send_json(res, 200, json);
}

void status_context(ApiContext& api, Req req, Res res, Params p) {
  auto viewer = optional_viewer(req, api.db);
  int64_t id = path_id(p.get("id"));
  std::vector<int64_t> ancestors, descendants;
  api.db.read([&](store::Connection& c) {
    services::visible_status(c, id, viewer);
    auto keep_visible = [&](const std::vector<int64_t>& ids, std::vector<int64_t>& out) {
      for (int64_t candidate : ids) {
        auto s = store::find_status(c, candidate);
        if (s && services::status_visible_to(c, *s, viewer)) out.push_back(candidate);
      }
    };
    keep_visible(store::ancestor_ids(c, id, 40), ancestors);
    keep_visible(store::descendant_ids(c, id, 60), descendants);
  });
  http::send_json(res, 200,
                  {{"ancestors", render_statuses(api, ancestors, viewer)},
                   {"descendants", render_statuses(api, descendants, viewer)}});
}

// A StatusEdit's poll: {"options": [{"title": ...}]} from the option titles recorded with the version.
nlohmann::json edit_poll_json(const std::optional<std::string>& options_json) {
  if (!options_json) return nullptr;
  auto titles = nlohmann::json::parse(*options_json, nullptr, false);
  if (!titles.is_array()) return nullptr;
  nlohmann::json options = nlohmann::json::array();
  for (const auto& title : titles) options.push_back({{"title", title}});
  return {{"options", std::move(options)}};
}

void status_history(ApiContext& api, Req req, Res res, Params p) {
  auto viewer = optional_viewer(req, api.db);
  int64_t id = path_id(p.get("id"));
  auto current = render_status(api, id, viewer);
  std::unordered_map<int64_t, std::string> edit_polls;
  auto edits = api.db.read([&](store::Connection& c) {
    services::visible_status(c, id, viewer);
    edit_polls = store::status_edit_poll_options(c, id);
    return store::status_edits(c, id);
  });
  auto media_by_id = [&](const nlohmann::json& media_ids) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : current["media_attachments"])
      for (const auto& wanted : media_ids)
        if (m["id"] == std::to_string(wanted.get<int64_t>())) out.push_back(m);
    return out;
  };
  nlohmann::json out = nlohmann::json::array();
  auto version = [&](const std::string& content, const std::string& spoiler, bool sensitive, int64_t at,
                     nlohmann::json media, nlohmann::json poll) {
    return nlohmann::json{{"content", content},   {"spoiler_text", spoiler},
                          {"sensitive", sensitive}, {"created_at", format_iso8601_millis(at)},
                          {"account", current["account"]}, {"poll", std::move(poll)},
                          {"media_attachments", std::move(media)}, {"emojis", nlohmann::json::array()}};
  };
  if (edits.empty()) {
    nlohmann::json poll = nullptr;
    if (current["poll"].is_object()) {
      poll = {{"options", nlohmann::json::array()}};
      for (const auto& option : current["poll"]["options"]) poll["options"].push_back({{"title", option["title"]}});
    }
    out.push_back(version(current["content"], current["spoiler_text"], current["sensitive"],
                          store::id_time_millis(id), current["media_attachments"], std::move(poll)));
  }
  for (const auto& e : edits) {
    auto ids = nlohmann::json::parse(e.media_ids_json, nullptr, false);
    out.push_back(version(e.content, e.spoiler_text, e.sensitive, e.created_at,
                          ids.is_array() ? media_by_id(ids) : nlohmann::json::array(),
                          edit_poll_json(edit_polls.contains(e.id) ? std::optional<std::string>(edit_polls.at(e.id))
                                                                   : std::nullopt)));
  }
  http::send_json(res, 200, out);
}

void status_source(ApiContext& api, Req req, Res res, Params p) {
  auto principal = require_user(req, api.db, "read:statuses");
  int64_t id = path_id(p.get("id"));
  auto status = api.db.read([&](store::Connection& c) { return services::visible_status(c, id, principal.account_id); });
  http::send_json(res, 200,
                  {{"id", std::to_string(status.id)}, {"text", status.text}, {"spoiler_text", status.spoiler_text}});
}

void status_accounts(ApiContext& api, Req req, Res res, Params p, bool favourites) {
  auto viewer = optional_viewer(req, api.db);
  int64_t id = path_id(p.get("id"));
  auto params = http::RequestParams::from(req);
  auto page = parse_page(params, 40, 80);
  std::vector<std::pair<int64_t, int64_t>> rows;
  std::vector<store::AccountRecord> accounts;
  api.db.read([&](store::Connection& c) {
    services::visible_status(c, id, viewer);
    auto since = page.min_id ? page.min_id : page.since_id;
    rows = favourites ? store::favouriters(c, id, page.max_id, since, page.limit)
                      : store::rebloggers(c, id, page.max_id, since, page.limit);
    std::vector<int64_t> ids;
    for (auto& [row, account] : rows) ids.push_back(account);
    accounts = store::find_accounts(c, ids);
  });
  nlohmann::json out = nlohmann::json::array();
  for (auto& [row, account_id] : rows)
    for (auto& a : accounts)
      if (a.id == account_id) out.push_back(convert::mastodon::account_json(a, api.urls));
  if (!rows.empty()) {
    set_link_header(res, req, api.urls.base(), page, rows.size(), rows.front().first, rows.back().first);
  }
  http::send_json(res, 200, out);
}

void add_action(http::Router& router, ApiContext& api, const std::string& name, const char* scope,
                std::function<void(services::PostingContext&, int64_t account, int64_t status)> action,
                bool render_original = true) {
  router.add(Method::Post, "/api/v1/statuses/:id/" + name, [&api, scope, action, render_original](Req req, Res res, Params p) {
    auto principal = require_user(req, api.db, scope);
    int64_t id = path_id(p.get("id"));
    auto ctx = posting_context(api);
    action(ctx, *principal.account_id, id);
    int64_t shown = id;
    if (render_original) {
      auto status = api.db.read([&](store::Connection& c) { return store::find_status(c, id); });
      if (status && status->reblog_of_id) shown = *status->reblog_of_id;
    }
    http::send_json(res, 200, render_status(api, shown, principal.account_id));
  });
}

}  // namespace

void add_status_routes(http::Router& router, ApiContext& api) {
  router.add(Method::Post, "/api/v1/statuses", [&api](Req req, Res res, Params) { create_status(api, req, res); });
  router.add(Method::Get, "/api/v1/statuses", [&api](Req req, Res res, Params) { show_statuses(api, req, res); });
  router.add(Method::Get, "/api/v1/statuses/:id", [&api](Req req, Res res, Params p) { show_status(api, req, res, p); });
  router.add(Method::Put, "/api/v1/statuses/:id", [&api](Req req, Res res, Params p) { edit_status(api, req, res, p); });
  router.add(Method::Delete, "/api/v1/statuses/:id",
             [&api](Req req, Res res, Params p) { delete_status(api, req, res, p); });
  router.add(Method::Get, "/api/v1/statuses/:id/context",
             [&api](Req req, Res res, Params p) { status_context(api, req, res, p); });
  router.add(Method::Get, "/api/v1/statuses/:id/history",
             [&api](Req req, Res res, Params p) { status_history(api, req, res, p); });
  router.add(Method::Get, "/api/v1/statuses/:id/source",
             [&api](Req req, Res res, Params p) { status_source(api, req, res, p); });
  router.add(Method::Get, "/api/v1/statuses/:id/favourited_by",
             [&api](Req req, Res res, Params p) { status_accounts(api, req, res, p, true); });
  router.add(Method::Get, "/api/v1/statuses/:id/reblogged_by",
             [&api](Req req, Res res, Params p) { status_accounts(api, req, res, p, false); });

  add_action(router, api, "favourite", "write:favourites", services::favourite_status);
  add_action(router, api, "unfavourite", "write:favourites", services::unfavourite_status);
  add_action(router, api, "bookmark", "write:bookmarks",
             [](auto& ctx, int64_t a, int64_t s) { services::bookmark_status(ctx, a, s, true); });
  add_action(router, api, "unbookmark", "write:bookmarks",
             [](auto& ctx, int64_t a, int64_t s) { services::bookmark_status(ctx, a, s, false); });
  add_action(router, api, "pin", "write:accounts",
             [](auto& ctx, int64_t a, int64_t s) { services::pin_status(ctx, a, s, true); });
  add_action(router, api, "unpin", "write:accounts",
             [](auto& ctx, int64_t a, int64_t s) { services::pin_status(ctx, a, s, false); });
  add_action(router, api, "mute", "write:mutes",
             [](auto& ctx, int64_t a, int64_t s) { services::mute_status_conversation(ctx, a, s, true); });
  add_action(router, api, "unmute", "write:mutes",
             [](auto& ctx, int64_t a, int64_t s) { services::mute_status_conversation(ctx, a, s, false); });
  add_action(router, api, "unreblog", "write:statuses", services::unreblog_status);

  // Reblog answers with the wrapper, whose `reblog` is the original.
  router.add(Method::Post, "/api/v1/statuses/:id/reblog", [&api](Req req, Res res, Params p) {
    auto principal = require_user(req, api.db, "write:statuses");
    auto params = http::RequestParams::from(req);
    auto ctx = posting_context(api);
    int64_t wrapper = services::reblog_status(ctx, *principal.account_id, path_id(p.get("id")),
                                              params.string("visibility"));
    http::send_json(res, 200, render_status(api, wrapper, principal.account_id));
  });
}

}  // namespace vmst::api
