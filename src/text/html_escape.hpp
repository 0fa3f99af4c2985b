#pragma once
// Escaping text for HTML output.
#include <string>
#include <string_view>

namespace vmst::text {

// Appends `text` for use as HTML text or inside a double- or single-quoted attribute value: cleaned as by
// append_clean_utf8, with & < > " ' and carriage return written as character
// references.
void append_html_escaped(std::string& out, std::string_view text);

// The same, as a new string (for building pages and XML documents).
std::string html_escaped(std::string_view text);

}  // namespace vmst::text
