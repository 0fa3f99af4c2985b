#include "web/html_page.hpp"

#include "crypto/encoding.hpp"

namespace vmst::web {

void send_page(httplib::Response& res, int status, std::string html, std::string_view script_hashes) {
  std::string csp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
  if (!script_hashes.empty()) csp += "; script-src " + std::string(script_hashes);
  // No form-action: browsers apply it to the redirect that follows a form post, and the redirect goes to the
  // client's own URI (often a custom scheme).
  res.status = status;
  res.set_header("Content-Security-Policy", csp);
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string csp_script_hash(std::string_view script) {
  return "'sha256-" + crypto::base64_encode(crypto::sha256(script)) + "'";
}

}  // namespace vmst::web
