#pragma once
// Whether admin-typed text can be stored and served: JSON rendering throws on ill-formed UTF-8, so text from the
// command line or a file is checked before it reaches the database.
#include <string_view>

namespace vmst::text {

// Well-formed UTF-8 with no NUL character.
bool is_valid_utf8_text(std::string_view text);

}  // namespace vmst::text
