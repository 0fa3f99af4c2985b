#pragma once
// Markdown (CommonMark) to HTML for the instance's own pages: about, privacy policy, terms of service. Raw HTML in
// the source is left out and links with script-capable schemes are dropped (cmark's safe mode), as Mastodon escapes
// HTML in these pages.
#include <string>
#include <string_view>

namespace vmst::text {

std::string markdown_to_html(std::string_view markdown);

}  // namespace vmst::text
