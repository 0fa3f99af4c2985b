#pragma once
// Which hrefs in remote content stay links.
#include <string_view>

namespace vmst::text {

// Mastodon's rule for remote content (LINK_PROTOCOLS and UNSUPPORTED_HREF_TRANSFORMER in
// lib/sanitize_ext/sanitize_config.rb): the href must start with one of http, https, dat, dweb, ipfs, ipns, ssb,
// gopher, xmpp, magnet or gemini (any case) and a colon. Relative and schemeless hrefs are not links, and neither is
// anything with leading whitespace or control characters, since the scheme is everything before the first colon
// that comes ahead of any "/" or "#". `href` is the attribute value after character references were decoded.
bool is_allowed_remote_link(std::string_view href);

}  // namespace vmst::text
