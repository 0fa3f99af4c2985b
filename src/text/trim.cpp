#include "text/trim.hpp"

namespace vmst::text {

std::string_view trim(std::string_view text, std::string_view whitespace) {
  const auto first = text.find_first_not_of(whitespace);
  if (first == std::string_view::npos) return text.substr(text.size());
  return text.substr(first, text.find_last_not_of(whitespace) - first + 1);
}

}  // namespace vmst::text
