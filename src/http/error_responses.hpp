#pragma once
// Responses that every handler shares: JSON bodies, and the single place where errors from the layers below
// become HTTP status codes.
#include <httplib.h>

#include <exception>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "services/oauth_error.hpp"
#include "services/service_error.hpp"

namespace vmst::http {

// Thrown by handlers for problems with the request itself (unparseable body, missing parameter).
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

inline constexpr const char* kJsonContentType = "application/json; charset=utf-8";

void send_json(httplib::Response& res, int status, const nlohmann::json& body);

// {"error": message}, the shape every Mastodon client reads.
void send_error(httplib::Response& res, int status, const std::string& message);

int status_for(services::ServiceError::Kind kind);
// 401 for invalid_client (RFC 6749 §5.2, and what Elk expects before re-registering), else 400.
int status_for(services::OAuthError::Code code);
// {"error":"invalid_grant","error_description":"..."}
void send_oauth_error(httplib::Response& res, const services::OAuthError& error);

// Turns whatever a handler threw into a response; logs the unexpected ones. Never throws.
void send_exception(const httplib::Request& req, httplib::Response& res, std::exception_ptr error);

}  // namespace vmst::http
