#include "text/status_text_trim.hpp"

#include "text/trim.hpp"
#include "text/unicode_classes.hpp"
#include "text/utf8.hpp"

namespace vmst::text {
namespace {

using namespace std::string_view_literals;

// What Ruby's String#strip removes: NUL and ASCII white space.
constexpr std::string_view kRubyStripped = "\0\t\n\v\f\r "sv;

}  // namespace

std::string_view strip_status_text(std::string_view text) { return trim(text, kRubyStripped); }

bool is_blank_status_text(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    const Utf8Decoded decoded = decode_utf8_at(text, at);
    if (!decoded.valid || !is_white_space(decoded.code_point)) return false;
    at += decoded.length;
  }
  return true;
}

}  // namespace vmst::text
