#pragma once
// ASCII text rules of HTTP header fields (RFC 9110 §5.6) shared by the signature, digest and date code.
// Header names and parameter names are ASCII and case-insensitive; locale-dependent <cctype> would be wrong here.
#include <initializer_list>
#include <string>
#include <string_view>

namespace vmst::crypto::http_text {

inline bool is_ows(char c) { return c == ' ' || c == '\t'; }

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

inline bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
  }
  return true;
}

inline bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

// tchar from RFC 9110 §5.6.2: the characters of a token (header names, auth-param names).
inline bool is_tchar(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
      return true;
    default:
      return false;
  }
}

// Concatenation for messages. `"literal" + std::string(x)` trips GCC 12's -Wrestrict false positive at -O3.
inline std::string concat(std::initializer_list<std::string_view> parts) {
  size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  std::string out;
  out.reserve(size);
  for (std::string_view part : parts) out += part;
  return out;
}

}  // namespace vmst::crypto::http_text
