#pragma once
// How a client proves who it is to /oauth/token and /oauth/revoke (RFC 6749 §2.3.1): HTTP Basic with the
// form-encoded client_id and client_secret (client_secret_basic), or both as body parameters
// (client_secret_post, what toot, Mastodon.py, Tusky and masto.js send).
#include <httplib.h>

#include <string>

#include "http/request_params.hpp"

namespace vmst::api {

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
};

// Basic credentials when the request has them, else the body's; empty strings when neither.
ClientCredentials client_credentials(const httplib::Request& req, const http::RequestParams& params);

}  // namespace vmst::api
