#include "activitypub/discovery_routes.hpp"

#include <nlohmann/json.hpp>

#include "activitypub/local_account_gate.hpp"
#include "http/error_responses.hpp"
#include "text/html_escape.hpp"
#include "services/discovery.hpp"
#include "version.hpp"

namespace vmst::activitypub {

namespace {
using nlohmann::json;

void allow_any_origin(httplib::Response& res) { res.set_header("Access-Control-Allow-Origin", "*"); }

json nodeinfo(const std::string& version, store::Database& db, const app::Config& config) {
  auto usage = services::usage_counts(db);
  json software = {{"name", "vmst"}, {"version", kVersion}};
  return {
      {"version", version},
      {"software", software},
      {"protocols", {"activitypub"}},
      {"services", {{"inbound", json::array()}, {"outbound", json::array()}}},
      {"openRegistrations", config.instance.registrations == "open"},
      {"usage",
       {{"users",
         {{"total", usage.total_users}, {"activeMonth", usage.active_month}, {"activeHalfyear", usage.active_halfyear}}},
        {"localPosts", usage.local_posts}}},
      {"metadata", {{"nodeName", config.instance.title}, {"nodeDescription", ""}}},
  };
}
}  // namespace

void add_discovery_routes(http::Router& router, store::Database& db, const app::Config& config,
                          const federation::LocalUrls& urls) {
  router.add(http::Method::Get, "/.well-known/webfinger",
             [&db, &config, &urls](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               allow_any_origin(res);
               std::string resource = req.get_param_value("resource");
               if (resource.empty()) throw http::HttpError(400, "resource parameter missing");
               store::AccountRecord account;
               try {
                 account = services::resolve_local_resource(db, urls, config.instance.domain, resource);
               } catch (const services::ServiceError& e) {
                 // RFC 7033 answers a malformed resource with 400, not the API's 422.
                 if (e.kind() == services::ServiceError::Kind::Invalid) throw http::HttpError(400, e.what());
                 throw;
               }
               if (account.actor_type != "Application") {
                 // Pending sign-ups are unknown here and deleted accounts gone, as at their actor.
                 require_servable_local_account(db, account.username, LocalAccountUse::Actor);
               }
               json links = json::array();
               if (account.actor_type != "Application") {
                 links.push_back({{"rel", "http://webfinger.net/rel/profile-page"},
                                  {"type", "text/html"},
                                  {"href", account.url.value_or(account.uri)}});
               }
               links.push_back({{"rel", "self"}, {"type", "application/activity+json"}, {"href", account.uri}});
               links.push_back({{"rel", "http://ostatus.org/schema/1.0/subscribe"},
                                {"template", urls.base() + "/authorize_interaction?uri={uri}"}});
               json body = {{"subject", "acct:" + account.username + "@" + config.instance.domain},
                            {"aliases", json::array({account.url.value_or(account.uri), account.uri})},
                            {"links", links}};
               res.status = 200;
               res.set_content(body.dump(), "application/jrd+json; charset=utf-8");
             });

  router.add(http::Method::Get, "/.well-known/host-meta",
             [&urls](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
               allow_any_origin(res);
               res.status = 200;
               res.set_content(
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
                   "  <Link rel=\"lrdd\" template=\"" +
                       text::html_escaped(urls.base()) + "/.well-known/webfinger?resource={uri}\"/>\n</XRD>\n",
                   "application/xrd+xml; charset=utf-8");
             });

  router.add(http::Method::Get, "/.well-known/nodeinfo",
             [&urls](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
               allow_any_origin(res);
               http::send_json(res, 200,
                               {{"links",
                                 {{{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.0"},
                                   {"href", urls.base() + "/nodeinfo/2.0"}},
                                  {{"rel", "http://nodeinfo.diaspora.software/ns/schema/2.1"},
                                   {"href", urls.base() + "/nodeinfo/2.1"}}}}});
             });

  for (const std::string version : {"2.0", "2.1"}) {
    router.add(http::Method::Get, "/nodeinfo/" + version,
               [&db, &config, version](const httplib::Request&, httplib::Response& res, const http::PathParams&) {
                 allow_any_origin(res);
                 res.status = 200;
                 res.set_content(nodeinfo(version, db, config).dump(),
                                 "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" +
                                     version + "#\"");
               });
  }
}

}  // namespace vmst::activitypub
