#include "activitypub/inbox_routes.hpp"

#include <spdlog/spdlog.h>

#include "activitypub/incoming_request.hpp"
#include "http/error_responses.hpp"
#include "store/account_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::activitypub {

namespace {
// Activities are small; a megabyte is already generous (Mastodon caps JSON bodies lower).
constexpr size_t kMaxActivityBytes = 1024 * 1024;

void receive(const federation::InboxIntake& intake, const httplib::Request& req, httplib::Response& res) {
  if (req.body.size() > kMaxActivityBytes) throw http::HttpError(413, "Activity too large");
  try {
    auto result = intake.receive(incoming_request(req), now_millis());
    res.status = 202;
    res.set_content("", "text/plain");
    if (result == federation::IntakeResult::AlreadyReceived) spdlog::debug("inbox: redelivery ignored");
    if (result == federation::IntakeResult::UnknownActorDeleted) spdlog::debug("inbox: Delete of an unknown actor ignored");
  } catch (const federation::DomainRefused& e) {
    spdlog::info("inbox: refused {}: {}", req.path, e.what());
    http::send_error(res, 403, e.what());
  } catch (const federation::SignatureRejected& e) {
    spdlog::info("inbox: refused {}: {}", req.path, e.what());
    http::send_error(res, 401, e.what());
  } catch (const federation::MalformedActivity& e) {
    http::send_error(res, 400, e.what());
  }
}
}  // namespace

void add_inbox_routes(http::Router& router, store::Database& db, const federation::InboxIntake& intake) {
  router.add(http::Method::Post, "/inbox", [&intake](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
    receive(intake, req, res);
  });
  router.add(http::Method::Post, "/actor/inbox",
             [&intake](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               receive(intake, req, res);
             });
  router.add(http::Method::Post, "/users/:username/inbox",
             [&db, &intake](const httplib::Request& req, httplib::Response& res, const http::PathParams& params) {
               auto account = db.read([&](store::Connection& c) {
                 return store::find_local_account_by_username(c, params.get("username"));
               });
               if (!account || account->actor_type == "Application") throw http::HttpError(404, "Record not found");
               receive(intake, req, res);
             });
}

}  // namespace vmst::activitypub
