#pragma once
// Text from remote servers as valid UTF-8 without the characters HTML forbids in a document.
#include <string>
#include <string_view>

namespace vmst::text {

// Appends `bytes` to `out`: ill-formed UTF-8 becomes U+FFFD (one per maximal ill-formed subpart, as browsers
// decode), and NUL, C0 controls other than tab/LF/FF/CR, DEL, C1 controls and noncharacters are dropped — the
// characters the Sanitize gem strips before parsing. Numeric character references can bring those characters back
// after parsing, so output is cleaned again on the way out.
void append_clean_utf8(std::string& out, std::string_view bytes);
std::string clean_utf8(std::string_view bytes);

}  // namespace vmst::text
