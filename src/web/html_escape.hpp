#pragma once
#include <string>
#include <string_view>

namespace vmst::web {

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace vmst::web
