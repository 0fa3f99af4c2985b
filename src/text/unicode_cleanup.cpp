#include "text/unicode_cleanup.hpp"

#include <cstddef>

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

struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed: the sequence, or the maximal ill-formed subpart
  bool valid = false;
};

// The Unicode "well-formed UTF-8 byte sequences" table: the second byte's range depends on the first, which
// rules out overlong forms, surrogates and code points above U+10FFFF.
Decoded decode_at(std::string_view bytes, std::size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t continuation_bytes = 0;
  char32_t code_point = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuation_bytes = 1;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation_bytes = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation_bytes = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {};
  }
  Decoded decoded;
  for (std::size_t i = 0; i < continuation_bytes; ++i) {
    if (at + decoded.length >= bytes.size()) return decoded;
    const auto byte = static_cast<unsigned char>(bytes[at + decoded.length]);
    if (byte < low || byte > high) return decoded;
    code_point = (code_point << 6) | (byte & 0x3F);
    ++decoded.length;
    low = 0x80;
    high = 0xBF;
  }
  decoded.code_point = code_point;
  decoded.valid = true;
  return decoded;
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

    const Decoded decoded = decode_at(bytes, at);
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
