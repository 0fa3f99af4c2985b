#include "activitypub/actor_routes.hpp"

#include "activitypub/incoming_request.hpp"
#include "activitypub/local_account_gate.hpp"
#include "convert/activitystreams/actor.hpp"
#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/emoji_tag.hpp"
#include "federation/blocked_signer.hpp"
#include "http/content_negotiation.hpp"
#include "http/error_responses.hpp"
#include "services/discovery.hpp"
#include "services/emoji_usage.hpp"
#include "services/instance_actor.hpp"
#include "services/status_documents.hpp"
#include "web/public_page_routes.hpp"

namespace vmst::activitypub {

namespace {

void send_activity_json(httplib::Response& res, const nlohmann::json& body) {
  res.status = 200;
  // Caches and proxies must not hand a browser the JSON or a server the HTML.
  res.set_header("Vary", "Accept");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), convert::as::kContentType);
}

store::AccountRecord local_user(store::Database& db, const std::string& username,
                                LocalAccountUse use = LocalAccountUse::Actor) {
  return require_servable_local_account(db, username, use);
}

}  // namespace

void add_actor_routes(http::Router& router, store::Database& db, const app::Config& config,
                      const federation::LocalUrls& urls) {
  router.add(http::Method::Get, "/users/:username",
             [&](const httplib::Request& req, httplib::Response& res, const http::PathParams& params) {
               auto account = local_user(db, params.get("username"));
               if (!http::wants_activity_json(req)) {
                 res.set_header("Vary", "Accept");
                 res.set_redirect(account.url.value_or(urls.profile_page(account.username)), 302);
                 return;
               }
               send_activity_json(res, convert::as::local_actor(account, urls, config.instance.domain,
                                                             services::account_emojis(db, account)));
             });

  // A status at its ActivityPub id: the Note for servers, a redirect to its page for browsers.
  router.add(http::Method::Get, "/users/:username/statuses/:id",
             [&](const httplib::Request& req, httplib::Response& res, const http::PathParams& params) {
               auto account = local_user(db, params.get("username"), LocalAccountUse::Content);
               // A server we blocked gets nothing of ours, whether or not authorized fetch asks it to sign.
               if (federation::refused_signer_host(db, incoming_request(req))) {
                 throw http::HttpError(403, "your server is blocked by this instance");
               }
               int64_t id = 0;
               try {
                 id = std::stoll(params.get("id"));
               } catch (const std::exception&) {
                 throw http::HttpError(404, "Record not found");
               }
               auto note = db.read([&](store::Connection& c) { return services::public_note(c, id, urls); });
               if (!note || (*note)["attributedTo"] != account.uri) throw http::HttpError(404, "Record not found");
               if (!http::wants_activity_json(req)) {
                 res.set_header("Vary", "Accept");
                 res.set_redirect(urls.status_page(account.username, id), 302);
                 return;
               }
               send_activity_json(res, *note);
             });

  router.add(http::Method::Get, "/:handle",
             [&](const httplib::Request& req, httplib::Response& res, const http::PathParams& params) {
               const std::string& handle = params.get("handle");
               if (!http::wants_activity_json(req)) {
                 web::send_account_page(web::PublicPages{db, config, urls}, req, res, handle);
                 return;
               }
               if (handle.size() < 2 || handle.front() != '@') throw http::HttpError(404, "Record not found");
               auto account = local_user(db, handle.substr(1));
               send_activity_json(res, convert::as::local_actor(account, urls, config.instance.domain,
                                                           services::account_emojis(db, account)));
             });

  // A local custom emoji at its ActivityPub id (the `id` of the Emoji tags we send), as Mastodon serves it.
  router.add(http::Method::Get, "/emojis/:id",
             [&](const httplib::Request&, httplib::Response& res, const http::PathParams& params) {
               int64_t id = 0;
               try {
                 id = std::stoll(params.get("id"));
               } catch (const std::exception&) {
                 throw http::HttpError(404, "Record not found");
               }
               auto emoji = db.read([&](store::Connection& c) { return store::find_custom_emoji_by_id(c, id); });
               if (!emoji || emoji->domain || emoji->disabled || !emoji->image_path) {
                 throw http::HttpError(404, "Record not found");
               }
               auto body = convert::as::emoji_tag(*emoji, urls);
               body["@context"] = convert::as::object_context();
               send_activity_json(res, body);
             });

  router.add(http::Method::Get, "/actor", [&](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
    auto actor = db.read([](store::Connection& c) { return store::find_instance_actor(c); });
    if (!actor) throw http::HttpError(404, "Record not found");
    send_activity_json(res, convert::as::local_actor(*actor, urls, config.instance.domain));
  });
}

}  // namespace vmst::activitypub
