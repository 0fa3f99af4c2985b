#pragma once
// Sending server-rendered pages that handle secrets (OAuth login, codes): self-contained HTML with the headers
// that keep them out of caches, frames and Referer headers.
#include <httplib.h>

#include <string>
#include <string_view>

namespace vmst::web {

// Content-Security-Policy allows inline styles only, plus the inline scripts whose hashes are listed
// (`'sha256-...'` sources); no frames (clickjacking a consent page would grant access), no caching, no referrer.
void send_page(httplib::Response& res, int status, std::string html, std::string_view script_hashes = "");

// The CSP source for one inline script: 'sha256-<base64 of its SHA-256>'.
std::string csp_script_hash(std::string_view script);

}  // namespace vmst::web
