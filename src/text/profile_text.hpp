#pragma once
// What a local user types into their profile, as the HTML clients and peers are shown: the bio (note) with
// paragraphs, line breaks and http(s) links, and profile field values with links marked rel="me" (for link
// verification). Everything else is HTML-escaped.
//
// Mentions and hashtags stay plain text here; the status text renderer (text/ status HTML, Mastodon's
// TextFormatter rules) should take over once it is on main, as Mastodon renders bios with the same formatter.
#include <string>
#include <string_view>

namespace vmst::text {

// "" for blank text. Blank lines separate <p> paragraphs; other line breaks become <br />.
std::string render_profile_note(std::string_view text);

// One line: escaped, links made clickable with rel="nofollow noopener me".
std::string render_profile_field_value(std::string_view text);

}  // namespace vmst::text
