#include "text/unicode_classes.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace vmst::text {
namespace {

bool in_unicode_range(char32_t c) { return c <= 0x10FFFF; }

bool in_category(char32_t c, uint32_t mask) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & mask) != 0;
}

}  // namespace

bool is_white_space(char32_t c) {
  return in_unicode_range(c) && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
}

bool is_alphabetic(char32_t c) {
  return in_unicode_range(c) && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

bool is_alnum(char32_t c) { return is_alphabetic(c) || (in_unicode_range(c) && in_category(c, U_GC_ND_MASK)); }

// Onigmo builds [[:word:]] as Alpha + Mark + Digit + Connector_Punctuation (so not other numbers such as ²).
bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c) || c == '_';
  return is_alphabetic(c) || (in_unicode_range(c) && in_category(c, U_GC_M_MASK | U_GC_ND_MASK | U_GC_PC_MASK));
}

bool is_dash_punctuation(char32_t c) { return in_unicode_range(c) && in_category(c, U_GC_PD_MASK); }

bool is_cyrillic(char32_t c) {
  return in_unicode_range(c) && u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_CYRILLIC;
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t to_lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
  if (!in_unicode_range(c)) return c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

}  // namespace vmst::text
