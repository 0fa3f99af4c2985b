#include "text/code_points.hpp"

#include "text/utf8.hpp"

namespace vmst::text {

CodePoints::CodePoints(std::string_view text) {
  values_.reserve(text.size());
  offsets_.reserve(text.size() + 1);
  std::size_t at = 0;
  while (at < text.size()) {
    const Utf8Decoded decoded = decode_utf8_at(text, at);
    values_.push_back(decoded.valid ? decoded.code_point : kIllFormedUtf8);
    offsets_.push_back(at);
    at += decoded.length;
  }
  offsets_.push_back(text.size());
}

bool CodePoints::matches(std::size_t i, std::string_view ascii) const {
  if (i + ascii.size() > values_.size()) return false;
  for (std::size_t k = 0; k < ascii.size(); ++k) {
    if (values_[i + k] != static_cast<unsigned char>(ascii[k])) return false;
  }
  return true;
}

bool CodePoints::matches_ignoring_case(std::size_t i, std::string_view ascii) const {
  if (i + ascii.size() > values_.size()) return false;
  for (std::size_t k = 0; k < ascii.size(); ++k) {
    // Only ASCII letters fold here: Unicode folding would let U+212A KELVIN SIGN stand for "k".
    const char32_t value = values_[i + k];
    if (value >= 0x80 || to_lower(value) != to_lower(static_cast<unsigned char>(ascii[k]))) return false;
  }
  return true;
}

}  // namespace vmst::text
