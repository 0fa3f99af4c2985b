#include "text/status_text_trim.hpp"

#include "text/unicode_classes.hpp"
#include "text/utf8.hpp"

namespace vmst::text {
namespace {

bool is_strippable(char ch) {
  return ch == '\0' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r' || ch == ' ';
}

}  // namespace

std::string_view strip_status_text(std::string_view text) {
  while (!text.empty() && is_strippable(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_strippable(text.back())) text.remove_suffix(1);
  return text;
}

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
