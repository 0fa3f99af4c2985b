#include "text/trim.hpp"

#include <catch2/catch.hpp>
#include <cctype>
#include <string>

using namespace vmst::text;

TEST_CASE("trim: cuts the named characters off both ends and keeps those inside", "[trim]") {
  CHECK(trim("  a b\t", kSpacesAndTabs) == "a b");
  CHECK(trim("\r\n a\nb \r\n", kSpacesTabsAndLineBreaks) == "a\nb");
  CHECK(trim("\v\f a \v\f", kAsciiWhitespace) == "a");
  CHECK(trim("abc", kAsciiWhitespace) == "abc");
}

TEST_CASE("trim: characters outside the named set stay", "[trim]") {
  CHECK(trim("\r\n a \r\n", kSpacesAndTabs) == "\r\n a \r\n");
  CHECK(trim("\va\f", kSpacesTabsAndLineBreaks) == "\va\f");
  CHECK(trim("\xC2\xA0" "a", kAsciiWhitespace) == "\xC2\xA0" "a");  // no-break space is not ASCII white space
}

TEST_CASE("trim: text of nothing but white space, or nothing at all, becomes empty", "[trim]") {
  CHECK(trim(" \t \t", kSpacesAndTabs).empty());
  CHECK(trim("", kAsciiWhitespace).empty());
}

TEST_CASE("trim: the result is a view into the given text", "[trim]") {
  const std::string text = "  value ";
  const std::string_view trimmed = trim(text, kSpacesAndTabs);
  CHECK(trimmed.data() == text.data() + 2);
  CHECK(trimmed.size() == 5);
}

TEST_CASE("trim: a set may name NUL, which a string literal set would end at", "[trim]") {
  const std::string text("\0 a\0", 4);
  CHECK(trim(text, std::string_view("\0 ", 2)) == "a");
}

TEST_CASE("trim: kAsciiWhitespace holds exactly the bytes std::isspace accepts", "[trim]") {
  for (int byte = 0; byte < 256; ++byte) {
    const bool listed = kAsciiWhitespace.find(static_cast<char>(byte)) != std::string_view::npos;
    CHECK(listed == (std::isspace(byte) != 0));
  }
}
