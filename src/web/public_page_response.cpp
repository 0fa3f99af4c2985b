#include "web/public_page_response.hpp"

namespace vmst::web {

void set_public_page_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kPublicPageCsp);
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "same-origin");
  // The same URLs answer ActivityStreams JSON to servers (content negotiation).
  res.set_header("Vary", "Accept");
}

void send_public_page(httplib::Response& res, int status, std::string html) {
  res.status = status;
  set_public_page_headers(res);
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

}  // namespace vmst::web
