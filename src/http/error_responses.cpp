#include "http/error_responses.hpp"

#include <spdlog/spdlog.h>

#include "services/validation_error.hpp"
#include "store/store_error.hpp"

namespace vmst::http {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Invalid UTF-8 from a remote server must not turn into an exception here.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonContentType);
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, nlohmann::json{{"error", message}});
}

int status_for(services::ServiceError::Kind kind) {
  using Kind = services::ServiceError::Kind;
  switch (kind) {
    case Kind::Invalid: return 422;
    case Kind::NotFound: return 404;
    case Kind::Forbidden: return 403;
    case Kind::Conflict: return 409;
    case Kind::Unavailable: return 503;
  }
  return 500;
}

int status_for(services::OAuthError::Code code) {
  return code == services::OAuthError::Code::InvalidClient ? 401 : 400;
}

void send_oauth_error(httplib::Response& res, const services::OAuthError& error) {
  // RFC 6749 §5.1: responses carrying credentials, or refusing them, must not be cached.
  res.set_header("Cache-Control", "no-store");
  send_json(res, status_for(error.code()),
            nlohmann::json{{"error", services::oauth_error_name(error.code())}, {"error_description", error.what()}});
}

void send_exception(const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.what());
  } catch (const services::OAuthError& e) {
    send_oauth_error(res, e);
  } catch (const services::ValidationFailed& e) {
    nlohmann::json details = nlohmann::json::object();
    for (const auto& field : e.errors()) {
      details[field.field].push_back({{"error", field.code}, {"description", field.description}});
    }
    send_json(res, status_for(e.kind()), {{"error", e.what()}, {"details", details}});
  } catch (const services::ServiceError& e) {
    send_error(res, status_for(e.kind()), e.what());
  } catch (const store::StoreError& e) {
    if (e.kind() == store::StoreError::Kind::Busy) {
      spdlog::warn("{} {}: database busy: {}", req.method, req.path, e.what());
      res.set_header("Retry-After", "1");
      send_error(res, 503, "The server is busy, try again shortly");
    } else {
      spdlog::error("{} {}: storage error: {}", req.method, req.path, e.what());
      send_error(res, 500, "Internal server error");
    }
  } catch (const nlohmann::json::exception& e) {
    // A handler read a JSON field of the wrong type: the request's fault.
    send_error(res, 400, std::string("Malformed JSON: ") + e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled error: {}", req.method, req.path, e.what());
    send_error(res, 500, "Internal server error");
  } catch (...) {
    spdlog::error("{} {}: unhandled non-standard exception", req.method, req.path);
    send_error(res, 500, "Internal server error");
  }
}

}  // namespace vmst::http
