#pragma once
// The HTML page a browser gets instead of a public page: not found, gone, suspended, or a server error.
#include <string>

#include "web/page_layout.hpp"

namespace vmst::web {

// `message` is plain text. The page is never indexed.
std::string render_error_page(const SiteInfo& site, int status, const std::string& message);

// The heading for a status code: "Page not found", "Gone", ...
std::string error_heading(int status);

}  // namespace vmst::web
