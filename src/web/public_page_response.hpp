#pragma once
// Sending the public pages (landing, about, profiles, statuses, tags): the security headers every one of them
// carries, and the HTML error page they show instead of the API's JSON.
#include <httplib.h>

#include <string>

namespace vmst::web {

// No script runs on these pages (no inline script, no script source at all); style comes from /static/css only;
// images and media may come from other servers (remote avatars and attachments); no framing.
inline constexpr const char* kPublicPageCsp =
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' https: http: data:; "
    "media-src 'self' https: http:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

void set_public_page_headers(httplib::Response& res);

void send_public_page(httplib::Response& res, int status, std::string html);

}  // namespace vmst::web
