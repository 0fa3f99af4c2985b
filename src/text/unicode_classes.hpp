#pragma once
// The Unicode character classes of the Ruby (Onigmo) regular expressions Mastodon's text rules are written in,
// so that scanners here classify characters the way Mastodon does. Backed by ICU's character properties.
#include <cstdint>

namespace vmst::text {

// Stands for bytes that are not well-formed UTF-8; it belongs to no class below.
inline constexpr char32_t kIllFormedUtf8 = 0x110000;

bool is_white_space(char32_t c);  // [[:space:]], \p{White_Space}
bool is_alphabetic(char32_t c);   // [[:alpha:]]: the Alphabetic property
bool is_alnum(char32_t c);        // [[:alnum:]]: Alphabetic or a decimal digit
bool is_word_char(char32_t c);    // [[:word:]]: Alphabetic, a mark, a decimal digit or connector punctuation
bool is_dash_punctuation(char32_t c);  // \p{Pd}
bool is_cyrillic(char32_t c);          // \p{Cyrillic}
bool is_ascii_alnum(char32_t c);
bool is_ascii_digit(char32_t c);

// Simple (one-to-one) lower-case mapping; characters without one map to themselves.
char32_t to_lower(char32_t c);

}  // namespace vmst::text
