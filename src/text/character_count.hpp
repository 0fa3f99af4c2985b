#pragma once
// Lengths as Mastodon's validations count them: characters (Unicode code points), not bytes.
#include <cstddef>
#include <string_view>

namespace vmst::text {

// Code points in UTF-8 text; each byte of an ill-formed sequence counts as one.
std::size_t character_count(std::string_view utf8);

}  // namespace vmst::text
