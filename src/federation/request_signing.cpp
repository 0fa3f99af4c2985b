#include "federation/request_signing.hpp"

#include <stdexcept>

#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"
#include "time/timestamps.hpp"

namespace vmst::federation {

net::RequestSigner sign_as(std::string key_id, std::string private_key_pem) {
  return [key_id = std::move(key_id), pem = std::move(private_key_pem)](
             const net::Url& url, const std::string& method, const std::string& body, httplib::Headers& headers) {
    std::vector<std::pair<std::string, std::string>> signed_headers = {
        {"host", url.authority()},
        {"date", crypto::http_date(now_millis() / 1000)},
    };
    if (method != "GET") signed_headers.emplace_back("digest", crypto::digest_header(body));
    auto signature = crypto::sign_request(key_id, pem, method, url.path_and_query, signed_headers);
    if (!signature) throw std::runtime_error("cannot sign with the key of " + key_id);
    // Set Host ourselves so the value sent is the value signed.
    headers.emplace("Host", signed_headers[0].second);
    headers.emplace("Date", signed_headers[1].second);
    if (signed_headers.size() > 2) headers.emplace("Digest", signed_headers[2].second);
    headers.emplace("Signature", *signature);
  };
}

}  // namespace vmst::federation
