#include "http/health_routes.hpp"

#include "http/error_responses.hpp"
#include "services/health.hpp"

namespace vmst::http {

void add_health_routes(Router& router, store::Database& db) {
  router.add(Method::Get, "/livez", [](const httplib::Request&, httplib::Response& res, const PathParams&) {
    send_json(res, 200, {{"status", "ok"}});
  });
  router.add(Method::Get, "/readyz", [&db](const httplib::Request&, httplib::Response& res, const PathParams&) {
    auto readiness = services::check_readiness(db);
    if (readiness.ready) {
      send_json(res, 200, {{"status", "ok"}});
    } else {
      send_json(res, 503, {{"status", "unavailable"}, {"error", readiness.problem}});
    }
  });
}

}  // namespace vmst::http
