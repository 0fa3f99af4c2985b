#include "api/filter_routes.hpp"

#include <charconv>

#include "api/authentication.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/filter.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/filters.hpp"

namespace vmst::api {

namespace {

// expires_in: seconds from now; "" (or null) removes the expiry.
std::optional<std::optional<int64_t>> expires_in_of(const http::RequestParams& params) {
  const auto* raw = params.values().contains("expires_in") ? &params.values()["expires_in"] : nullptr;
  if (!raw) return std::nullopt;
  auto text = http::scalar_text(*raw);
  if (!text || text->empty()) return std::optional<int64_t>();
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw http::HttpError(422, "Validation failed: Expires in is not a number");
  }
  return std::optional<int64_t>(seconds);
}

std::vector<services::KeywordChange> keyword_changes_of(const http::RequestParams& params) {
  std::vector<services::KeywordChange> out;
  for (const auto& item : params.objects("keywords_attributes")) {
    if (!item.is_object()) continue;
    services::KeywordChange change;
    if (auto id = item.find("id"); id != item.end()) {
      auto text = http::scalar_text(*id);
      if (text && !text->empty()) change.id = path_id(*text);
    }
    if (auto keyword = item.find("keyword"); keyword != item.end()) change.keyword = http::scalar_text(*keyword);
    if (auto whole = item.find("whole_word"); whole != item.end()) change.whole_word = http::parse_rails_boolean(*whole);
    if (auto destroy = item.find("_destroy"); destroy != item.end()) {
      change.destroy = http::parse_rails_boolean(*destroy).value_or(false);
    }
    out.push_back(std::move(change));
  }
  return out;
}

services::FilterChanges changes_of(const http::RequestParams& params) {
  services::FilterChanges changes;
  changes.title = params.string("title");
  if (params.has("context")) changes.context = params.strings("context");
  changes.action = params.string("filter_action");
  changes.expires_in_seconds = expires_in_of(params);
  changes.keywords = keyword_changes_of(params);
  return changes;
}

int64_t owner_of(const httplib::Request& req, ApiContext& api, std::string_view scope) {
  return *require_user(req, api.db, scope).account_id;
}

}  // namespace

void add_filter_routes(http::Router& router, ApiContext& api) {
  using http::Method;
  using Path = const http::PathParams&;
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  namespace cm = convert::mastodon;

  router.add(Method::Get, "/api/v2/filters", [&api](Req req, Res res, Path) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : services::list_filters(api.db, owner_of(req, api, "read:filters"))) {
      out.push_back(cm::filter_json(f));
    }
    http::send_json(res, 200, out);
  });
  router.add(Method::Post, "/api/v2/filters", [&api](Req req, Res res, Path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    http::send_json(res, 200, cm::filter_json(services::create_filter(api.db, owner, changes_of(http::RequestParams::from(req)))));
  });
  router.add(Method::Get, "/api/v2/filters/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    http::send_json(res, 200, cm::filter_json(services::get_filter(api.db, owner, path_id(path, "id"))));
  });
  router.add(Method::Put, "/api/v2/filters/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    const int64_t id = path_id(path, "id");
    http::send_json(res, 200,
                    cm::filter_json(services::update_filter(api.db, owner, id, changes_of(http::RequestParams::from(req)))));
  });
  router.add(Method::Delete, "/api/v2/filters/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    services::delete_filter(api.db, owner, path_id(path, "id"));
    http::send_json(res, 200, nlohmann::json::object());
  });

  // Keywords of one filter, and one keyword by its own id.
  router.add(Method::Get, "/api/v2/filters/:id/keywords", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : services::filter_keywords(api.db, owner, path_id(path, "id"))) {
      out.push_back(cm::filter_keyword_json(k));
    }
    http::send_json(res, 200, out);
  });
  router.add(Method::Post, "/api/v2/filters/:id/keywords", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    const int64_t id = path_id(path, "id");
    auto params = http::RequestParams::from(req);
    auto keyword = services::add_filter_keyword(api.db, owner, id, params.string("keyword"), params.boolean("whole_word"));
    http::send_json(res, 200, cm::filter_keyword_json(keyword));
  });
  router.add(Method::Get, "/api/v2/filters/keywords/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    http::send_json(res, 200, cm::filter_keyword_json(services::get_filter_keyword(api.db, owner, path_id(path, "id"))));
  });
  router.add(Method::Put, "/api/v2/filters/keywords/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    const int64_t id = path_id(path, "id");
    auto params = http::RequestParams::from(req);
    auto keyword =
        services::update_filter_keyword(api.db, owner, id, params.string("keyword"), params.boolean("whole_word"));
    http::send_json(res, 200, cm::filter_keyword_json(keyword));
  });
  router.add(Method::Delete, "/api/v2/filters/keywords/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    services::delete_filter_keyword(api.db, owner, path_id(path, "id"));
    http::send_json(res, 200, nlohmann::json::object());
  });

  // Statuses of one filter, and one by its own id.
  router.add(Method::Get, "/api/v2/filters/:id/statuses", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : services::filter_statuses(api.db, owner, path_id(path, "id"))) {
      out.push_back(cm::filter_status_json(s));
    }
    http::send_json(res, 200, out);
  });
  router.add(Method::Post, "/api/v2/filters/:id/statuses", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    const int64_t id = path_id(path, "id");
    auto text = http::RequestParams::from(req).string("status_id");
    std::optional<int64_t> status_id;
    if (text && !text->empty()) status_id = path_id(*text);
    http::send_json(res, 200, cm::filter_status_json(services::add_filter_status(api.db, owner, id, status_id)));
  });
  router.add(Method::Get, "/api/v2/filters/statuses/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    http::send_json(res, 200, cm::filter_status_json(services::get_filter_status(api.db, owner, path_id(path, "id"))));
  });
  router.add(Method::Delete, "/api/v2/filters/statuses/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "write:filters");
    services::delete_filter_status(api.db, owner, path_id(path, "id"));
    http::send_json(res, 200, nlohmann::json::object());
  });

  // v1: one V1_Filter per keyword of every filter.
  router.add(Method::Get, "/api/v1/filters", [&api](Req req, Res res, Path) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : services::list_filters(api.db, owner_of(req, api, "read:filters"))) {
      for (const auto& k : f.keywords) out.push_back(cm::v1_filter_json(f, k));
    }
    http::send_json(res, 200, out);
  });
  router.add(Method::Get, "/api/v1/filters/:id", [&api](Req req, Res res, Path path) {
    const int64_t owner = owner_of(req, api, "read:filters");
    auto keyword = services::get_filter_keyword(api.db, owner, path_id(path, "id"));
    auto filter = services::get_filter(api.db, owner, keyword.filter_id);
    http::send_json(res, 200, cm::v1_filter_json(filter, keyword));
  });
}

}  // namespace vmst::api
