// GET /api/v1/accounts/verify_credentials and PATCH /api/v1/accounts/update_credentials: the signed-in user's own
// account (CredentialAccount), and editing it (multipart, form or JSON; images as multipart files);
// DELETE /api/v1/profile/avatar and /header put the default images back.
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/account.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/emoji_usage.hpp"
#include "services/profile.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

std::optional<services::ImageUpload> image(const http::RequestParams& params, std::string_view name) {
  const auto* file = params.file(name);
  if (!file) return std::nullopt;
  return services::ImageUpload{file->content_type, file->content};
}

services::ProfileUpdate read_update(const http::RequestParams& params) {
  services::ProfileUpdate u;
  u.display_name = params.string("display_name");
  u.note = params.string("note");
  u.locked = params.boolean("locked");
  u.bot = params.boolean("bot");
  u.discoverable = params.boolean("discoverable");
  u.hide_collections = params.boolean("hide_collections");
  u.indexable = params.boolean("indexable");
  if (params.has("fields_attributes")) {
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& field : params.objects("fields_attributes")) {
      if (!field.is_object()) continue;
      auto name = field.contains("name") ? http::scalar_text(field["name"]) : std::nullopt;
      auto value = field.contains("value") ? http::scalar_text(field["value"]) : std::nullopt;
      // Mastodon drops rows left entirely blank (forms send all four).
      if (name.value_or("").empty() && value.value_or("").empty()) continue;
      fields.emplace_back(name.value_or(""), value.value_or(""));
    }
    u.fields = std::move(fields);
  }
  if (const auto* source = params.object("source")) {
    if (source->contains("privacy")) u.privacy = http::scalar_text((*source)["privacy"]);
    if (source->contains("sensitive")) u.sensitive = http::parse_rails_boolean((*source)["sensitive"]);
    if (source->contains("language")) u.language = http::scalar_text((*source)["language"]).value_or("");
  }
  u.avatar = image(params, "avatar");
  u.header = image(params, "header");
  return u;
}

void remove_image(ApiContext& api, const httplib::Request& req, httplib::Response& res, store::ProfileImage which) {
  auto user = require_user(req, api.db, "write:accounts");
  services::Outbox outbox(api.enqueue);
  services::ProfileEnvironment env{api.db, api.urls, api.config.instance.domain, api.config.storage.data_dir / "media"};
  auto view = services::remove_profile_image(env, outbox, *user.account_id, which, now_millis());
  if (outbox.sent()) api.wake_delivery();
  http::send_json(res, 200, convert::mastodon::credential_account_json(view.account, view.source, api.urls,
                                                                       services::account_emojis(api.db, view.account)));
}

}  // namespace

void add_credential_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Get, "/api/v1/accounts/verify_credentials",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto user = require_user_any(req, api.db, {"read:accounts", "profile"});
               auto view = api.db.read(
                   [&](store::Connection& c) { return services::credential_view(c, *user.account_id); });
               http::send_json(res, 200, convert::mastodon::credential_account_json(view.account, view.source, api.urls,
                                                                       services::account_emojis(api.db, view.account)));
             });

  router.add(http::Method::Patch, "/api/v1/accounts/update_credentials",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto user = require_user(req, api.db, "write:accounts");
               const auto update = read_update(http::RequestParams::from(req));
               services::Outbox outbox(api.enqueue);
               services::ProfileEnvironment env{api.db, api.urls, api.config.instance.domain,
                                                api.config.storage.data_dir / "media"};
               auto view = services::update_profile(env, outbox, *user.account_id, update, now_millis());
               if (outbox.sent()) api.wake_delivery();
               http::send_json(res, 200, convert::mastodon::credential_account_json(view.account, view.source, api.urls,
                                                                       services::account_emojis(api.db, view.account)));
             });

  router.add(http::Method::Delete, "/api/v1/profile/avatar",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               remove_image(api, req, res, store::ProfileImage::Avatar);
             });
  router.add(http::Method::Delete, "/api/v1/profile/header",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               remove_image(api, req, res, store::ProfileImage::Header);
             });
}

}  // namespace vmst::api
