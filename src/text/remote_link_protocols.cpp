#include "text/remote_link_protocols.hpp"

#include <algorithm>
#include <array>
#include <cstddef>

namespace vmst::text {
namespace {

constexpr std::array<std::string_view, 11> kLinkProtocols = {"http", "https",  "dat",  "dweb",   "ipfs",  "ipns",
                                                             "ssb",  "gopher", "xmpp", "magnet", "gemini"};

char ascii_lower(char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch; }

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// The Sanitize gem counts a still-encoded colon ("&#58", "&#x3a", with any leading zeros) as the end of a
// scheme, because old browsers decoded such leftovers. A value only contains one if it was double-encoded.
bool starts_with_encoded_colon(std::string_view text) {
  if (text.substr(0, 2) != "&#") return false;
  text.remove_prefix(2);
  const bool hex = !text.empty() && (text.front() == 'x' || text.front() == 'X');
  if (hex) text.remove_prefix(1);
  while (!text.empty() && text.front() == '0') text.remove_prefix(1);
  return hex ? equals_ignoring_ascii_case(text.substr(0, 2), "3a") : text.substr(0, 2) == "58";
}

}  // namespace

bool is_allowed_remote_link(std::string_view href) {
  for (std::size_t i = 0; i < href.size(); ++i) {
    const char ch = href[i];
    if (ch == '/' || ch == '#') return false;  // a relative reference
    if (ch == ':') {
      const std::string_view scheme = href.substr(0, i);
      return std::any_of(kLinkProtocols.begin(), kLinkProtocols.end(),
                         [&](std::string_view protocol) { return equals_ignoring_ascii_case(scheme, protocol); });
    }
    // A scheme ended by an encoded colon is not one a browser would follow as written; not a link either way.
    if (ch == '&' && starts_with_encoded_colon(href.substr(i))) return false;
  }
  return false;  // no scheme: relative
}

}  // namespace vmst::text
