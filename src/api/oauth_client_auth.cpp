#include "api/oauth_client_auth.hpp"

#include "crypto/encoding.hpp"
#include "net/url_encoding.hpp"

namespace vmst::api {

ClientCredentials client_credentials(const httplib::Request& req, const http::RequestParams& params) {
  const std::string header = req.get_header_value("Authorization");
  if (header.size() > 6 && (header.compare(0, 6, "Basic ") == 0 || header.compare(0, 6, "basic ") == 0)) {
    auto decoded = crypto::base64_decode(header.substr(6));
    if (decoded) {
      auto colon = decoded->find(':');
      if (colon != std::string::npos) {
        return {net::percent_decode(decoded->substr(0, colon), true),
                net::percent_decode(decoded->substr(colon + 1), true)};
      }
    }
    return {};
  }
  return {params.string("client_id").value_or(""), params.string("client_secret").value_or("")};
}

}  // namespace vmst::api
