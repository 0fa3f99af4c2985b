#include "api/report_routes.hpp"

#include <charconv>

#include "api/authentication.hpp"
#include "api/path_ids.hpp"
#include "api/status_rendering.hpp"
#include "convert/mastodon/report.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/reports.hpp"

namespace vmst::api {

namespace {

std::vector<int64_t> rule_ids(const http::RequestParams& params) {
  std::vector<int64_t> out;
  for (const auto& text : params.strings("rule_ids")) {
    int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      throw http::HttpError(422, "Validation failed: Rule ids are invalid");
    }
    out.push_back(id);
  }
  return out;
}

}  // namespace

void add_report_routes(http::Router& router, ApiContext& api) {
  router.add(http::Method::Post, "/api/v1/reports",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               auto reporter = require_user(req, api.db, "write:reports");
               auto params = http::RequestParams::from(req);
               services::NewReport report;
               // Mastodon looks the account up first: without one there is nothing to report (404).
               report.target_account_id = path_id(params.string("account_id").value_or(""));
               report.status_ids = record_ids(params.strings("status_ids"));
               report.comment = params.string("comment").value_or("");
               report.category = params.string("category");
               if (report.category && report.category->empty()) report.category.reset();
               report.rule_ids = rule_ids(params);
               report.forward = params.flag("forward", false);
               auto context = posting_context(api);
               auto filed = services::file_report(context, *reporter.account_id, report);
               http::send_json(res, 200, convert::mastodon::report_json(filed.report, filed.target, api.urls));
             });
}

}  // namespace vmst::api
