#include "text/utf8_validation.hpp"

#include <catch2/catch.hpp>
#include <string>

using vmst::text::is_valid_utf8_text;

TEST_CASE("admin text must be well-formed UTF-8 without NUL", "[utf8]") {
  CHECK(is_valid_utf8_text(""));
  CHECK(is_valid_utf8_text("plain"));
  CHECK(is_valid_utf8_text("caf\xc3\xa9 \xf0\x9f\x90\x98"));
  CHECK_FALSE(is_valid_utf8_text("caf\xe9"));            // Latin-1
  CHECK_FALSE(is_valid_utf8_text("\xc0\xaf"));           // overlong
  CHECK_FALSE(is_valid_utf8_text("\xed\xa0\x80"));       // surrogate
  CHECK_FALSE(is_valid_utf8_text("\xf0\x9f\x90"));       // truncated
  CHECK_FALSE(is_valid_utf8_text(std::string("a\0b", 3)));
}
