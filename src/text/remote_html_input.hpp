#pragma once
// Turning HTML received from another server into a parse tree.
#include <cstddef>
#include <string_view>

#include "text/html_fragment_parser.hpp"

namespace vmst::text {

// Remote HTML beyond this is cut off: no status or profile is that long, and the parse stays cheap.
inline constexpr std::size_t kMaxRemoteHtmlBytes = std::size_t{1} << 20;

// Parses the first kMaxRemoteHtmlBytes of `html` (cut at a character boundary) as a <body> fragment, after
// clean_utf8 has repaired its UTF-8 and dropped control characters and noncharacters. The fragment has no nodes
// if parsing exceeded `budget` (callers other than tests and benchmarks keep the default).
ParsedHtmlFragment parse_remote_html(std::string_view html, const HtmlParseBudget& budget = {});

}  // namespace vmst::text
