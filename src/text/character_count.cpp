#include "text/character_count.hpp"

namespace vmst::text {

std::size_t character_count(std::string_view utf8) {
  std::size_t count = 0;
  for (unsigned char byte : utf8) {
    // Continuation bytes (10xxxxxx) belong to the code point before them.
    if ((byte & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace vmst::text
