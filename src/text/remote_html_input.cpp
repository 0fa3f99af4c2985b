#include "text/remote_html_input.hpp"

#include "text/unicode_cleanup.hpp"

namespace vmst::text {
namespace {

bool is_utf8_continuation_byte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::string_view first_bytes_at_character_boundary(std::string_view html, std::size_t limit) {
  if (html.size() <= limit) return html;
  std::size_t end = limit;
  // A UTF-8 sequence has at most three continuation bytes; further back the input is not UTF-8 anyway.
  for (int step = 0; step < 3 && end > 0 && is_utf8_continuation_byte(html[end]); ++step) --end;
  return html.substr(0, end);
}

}  // namespace

ParsedHtmlFragment parse_remote_html(std::string_view html, const HtmlParseBudget& budget) {
  return ParsedHtmlFragment::parse(clean_utf8(first_bytes_at_character_boundary(html, kMaxRemoteHtmlBytes)), budget);
}

}  // namespace vmst::text
