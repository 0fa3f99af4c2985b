#include "text/html_escape.hpp"

#include "text/unicode_cleanup.hpp"

namespace vmst::text {
namespace {

std::string_view reference_for(char ch) {
  switch (ch) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    case '\r':  // only a reference gives a carriage return: the parser reads a raw one as a line feed
      return "&#13;";
    default:
      return {};
  }
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  const std::string clean = clean_utf8(text);
  std::string_view rest = clean;
  while (!rest.empty()) {
    const std::size_t special = rest.find_first_of("&<>\"'\r");
    out.append(rest.substr(0, special));
    if (special == std::string_view::npos) break;
    out.append(reference_for(rest[special]));
    rest.remove_prefix(special + 1);
  }
}

std::string html_escaped(std::string_view text) {
  std::string out;
  append_html_escaped(out, text);
  return out;
}

}  // namespace vmst::text
