#pragma once
// Reading UTF-8 one code point at a time without trusting the input.
#include <cstddef>
#include <string>
#include <string_view>

namespace vmst::text {

struct Utf8Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes consumed: the sequence, or its maximal ill-formed subpart (never 0)
  bool valid = false;
};

// The code point that starts at byte `at` (< bytes.size()). Ill-formed input (overlong forms, surrogates, values
// above U+10FFFF, truncated or stray bytes) is reported invalid with the length of its maximal ill-formed subpart,
// as browsers and the Unicode standard's U+FFFD substitution count it, so a caller always advances and never
// splits a well-formed sequence.
Utf8Decoded decode_utf8_at(std::string_view bytes, std::size_t at);

// Appends the UTF-8 encoding of a Unicode scalar value.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace vmst::text
