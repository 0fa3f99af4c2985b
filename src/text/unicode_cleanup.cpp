#include "text/unicode_cleanup.hpp"

#include <cstddef>

#include "text/utf8.hpp"

namespace vmst::text {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

bool is_plain_ascii(unsigned char byte) {
  return (byte >= 0x20 && byte < 0x7F) || byte == '\t' || byte == '\n' || byte == '\f' || byte == '\r';
}

bool is_forbidden(char32_t code_point) {
  if (code_point < 0x20) return code_point != '\t' && code_point != '\n' && code_point != '\f' && code_point != '\r';
  if (code_point >= 0x7F && code_point <= 0x9F) return true;
  if (code_point >= 0xFDD0 && code_point <= 0xFDEF) return true;
  return (code_point & 0xFFFE) == 0xFFFE;
}

}  // namespace

void append_clean_utf8(std::string& out, std::string_view bytes) {
  std::size_t at = 0;
  while (at < bytes.size()) {
    std::size_t run_end = at;
    while (run_end < bytes.size() && is_plain_ascii(static_cast<unsigned char>(bytes[run_end]))) ++run_end;
    out.append(bytes.substr(at, run_end - at));
    at = run_end;
    if (at == bytes.size()) break;

    const Utf8Decoded decoded = decode_utf8_at(bytes, at);
    if (!decoded.valid) {
      out.append(kReplacementCharacter);
    } else if (!is_forbidden(decoded.code_point)) {
      out.append(bytes.substr(at, decoded.length));
    }
    at += decoded.length;
  }
}

std::string clean_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  append_clean_utf8(out, bytes);
  return out;
}

}  // namespace vmst::text
