#pragma once
// Status text as Mastodon stores a local post's text: Status#prepare_contents strips it with Ruby's String#strip
// before it is validated and rendered, so the count and the HTML both start from the stripped text.
#include <string_view>

namespace vmst::text {

// Without leading and trailing NUL, tab, line feed, vertical tab, form feed, carriage return and space (only
// these: Ruby's strip leaves other Unicode spaces alone).
std::string_view strip_status_text(std::string_view text);

// Whether nothing but white space (any Unicode White_Space character) is left: ActiveSupport's blank?, for which
// Mastodon renders no HTML and counts no characters.
bool is_blank_status_text(std::string_view text);

}  // namespace vmst::text
