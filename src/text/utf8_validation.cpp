#include "text/utf8_validation.hpp"

#include "text/utf8.hpp"

namespace vmst::text {

bool is_valid_utf8_text(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    auto decoded = decode_utf8_at(text, at);
    if (!decoded.valid || decoded.code_point == 0) return false;
    at += decoded.length;
  }
  return true;
}

}  // namespace vmst::text
