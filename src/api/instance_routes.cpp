#include "api/instance_routes.hpp"

#include "convert/mastodon/domain_block.hpp"
#include "convert/mastodon/instance.hpp"
#include "convert/mastodon/instance_page.hpp"
#include "convert/mastodon/language.hpp"
#include "http/error_responses.hpp"
#include "media/content_detection.hpp"
#include "services/instance_info.hpp"
#include "version.hpp"

namespace vmst::api {

namespace {

using nlohmann::json;

convert::mastodon::InstanceView instance_view(ApiContext& api) {
  auto records = services::load_instance_records(api.db);
  convert::mastodon::InstanceView view;
  view.domain = api.config.instance.domain;
  view.title = api.config.instance.title;
  view.short_description = std::move(records.short_description);
  view.contact_email = records.contact_email.value_or(api.config.instance.contact_email);
  view.registrations = api.config.instance.registrations;
  view.version = convert::mastodon::compatible_version_string(kMastodonApiVersion, kVersion);
  view.streaming_url = api.config.streaming_url();
  view.image_size_limit = api.config.media.image_size_limit;
  view.video_size_limit = api.config.media.video_size_limit;
  view.image_matrix_limit = api.config.media.image_matrix_limit;
  view.supported_mime_types = media::accepted_mime_types();
  view.usage = records.usage;
  view.rules = std::move(records.rules);
  view.contact_account = std::move(records.contact_account);
  view.has_privacy_policy = records.has_privacy_policy;
  view.has_terms_of_service = records.has_terms_of_service;
  return view;
}

// Mastodon answers a missing page with 404; the pages are public and change rarely.
void send_page_or_404(httplib::Response& res, const std::optional<json>& body) {
  if (!body) throw http::HttpError(404, "Record not found");
  http::send_json(res, 200, *body);
}

}  // namespace

void add_instance_routes(http::Router& router, ApiContext& api) {
  using http::Method;
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  using Params = const http::PathParams&;

  router.add(Method::Get, "/api/v1/instance", [&api](Req, Res res, Params) {
    http::send_json(res, 200, convert::mastodon::instance_v1_json(instance_view(api), api.urls));
  });
  router.add(Method::Get, "/api/v2/instance", [&api](Req, Res res, Params) {
    http::send_json(res, 200, convert::mastodon::instance_v2_json(instance_view(api), api.urls));
  });

  router.add(Method::Get, "/api/v1/instance/rules", [&api](Req, Res res, Params) {
    json out = json::array();
    for (const auto& rule : services::instance_rules(api.db)) out.push_back(convert::mastodon::rule_json(rule));
    http::send_json(res, 200, out);
  });
  router.add(Method::Get, "/api/v1/instance/peers", [&api](Req, Res res, Params) {
    http::send_json(res, 200, services::instance_peers(api.db));
  });
  // Weekly activity figures are not kept yet; Mastodon also answers [] when it does not publish them.
  router.add(Method::Get, "/api/v1/instance/activity",
             [](Req, Res res, Params) { http::send_json(res, 200, json::array()); });
  router.add(Method::Get, "/api/v1/instance/languages",
             [](Req, Res res, Params) { http::send_json(res, 200, convert::mastodon::languages_json()); });
  // No translation service: {} (no source language has targets), matching configuration.translation.enabled.
  router.add(Method::Get, "/api/v1/instance/translation_languages",
             [](Req, Res res, Params) { http::send_json(res, 200, json::object()); });
  router.add(Method::Get, "/api/v1/instance/domain_blocks", [&api](Req, Res res, Params) {
    json out = json::array();
    for (const auto& block : services::public_domain_blocks(api.db)) {
      out.push_back(convert::mastodon::domain_block_json(block));
    }
    http::send_json(res, 200, out);
  });

  router.add(Method::Get, "/api/v1/instance/extended_description", [&api](Req, Res res, Params) {
    auto page = services::instance_page(api.db, services::kAboutPage, api.config.instance.domain);
    http::send_json(res, 200,
                    page ? convert::mastodon::extended_description_json(page->updated_at, page->html)
                         : convert::mastodon::extended_description_json(std::nullopt, ""));
  });
  router.add(Method::Get, "/api/v1/instance/privacy_policy", [&api](Req, Res res, Params) {
    auto page = services::instance_page(api.db, services::kPrivacyPolicyPage, api.config.instance.domain);
    send_page_or_404(res, page ? std::optional<json>(convert::mastodon::privacy_policy_json(page->updated_at, page->html))
                               : std::nullopt);
  });
  router.add(Method::Get, "/api/v1/instance/terms_of_service", [&api](Req, Res res, Params) {
    auto page = services::instance_page(api.db, services::kTermsOfServicePage, api.config.instance.domain);
    send_page_or_404(res, page ? std::optional<json>(convert::mastodon::terms_of_service_json(page->updated_at, page->html))
                               : std::nullopt);
  });
}

}  // namespace vmst::api
