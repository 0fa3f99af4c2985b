#pragma once
// Text decoded once into code points with their byte offsets, so that scanners can look behind and ahead freely
// and still report byte ranges of the original text.
#include <cstddef>
#include <string_view>
#include <vector>

#include "text/unicode_classes.hpp"

namespace vmst::text {

// What before() and at() give outside the text; like kIllFormedUtf8 it belongs to no character class.
inline constexpr char32_t kNoCharacter = 0x110001;

class CodePoints {
 public:
  // Each maximal ill-formed subpart of `text` becomes one kIllFormedUtf8, so no token can contain such bytes.
  explicit CodePoints(std::string_view text);

  std::size_t size() const { return values_.size(); }
  char32_t at(std::size_t i) const { return i < values_.size() ? values_[i] : kNoCharacter; }
  char32_t before(std::size_t i) const { return i > 0 && i <= values_.size() ? values_[i - 1] : kNoCharacter; }
  // Byte offset of code point i; offset(size()) is the text's length.
  std::size_t offset(std::size_t i) const { return offsets_[i]; }
  // Whether the code points from i on spell `ascii` exactly.
  bool matches(std::size_t i, std::string_view ascii) const;
  // The same, ignoring ASCII case.
  bool matches_ignoring_case(std::size_t i, std::string_view ascii) const;

 private:
  std::vector<char32_t> values_;
  std::vector<std::size_t> offsets_;
};

}  // namespace vmst::text
