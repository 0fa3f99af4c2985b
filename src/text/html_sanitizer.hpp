#pragma once
// HTML from other servers (status content, account notes, profile field values), made safe to show and store.
#include <string>
#include <string_view>

namespace vmst::text {

// Keeps what Mastodon keeps of remote HTML (its MASTODON_STRICT config; see mastodon_strict_policy.hpp):
// paragraphs, line breaks, links with an allowed protocol (given rel="nofollow noopener" and target="_blank"),
// mention and hashtag microformats, inline emphasis, code, quotes, lists and ruby. Headings become
// <p><strong>; other elements are dropped with their text kept, except scripts, styles, embedded content, SVG and
// MathML, which go entirely (math with a TeX or plain-text annotation becomes that text, as in Mastodon).
// The result is balanced HTML in valid UTF-8 with all text and attribute values escaped, which browsers parse
// back into the tree it was written from (html_output.hpp), so sanitising it again changes nothing. Never
// throws. Input beyond kMaxRemoteHtmlBytes (1 MiB) is cut off; input that gumbo cannot parse within its budget
// (html_fragment_parser.hpp), or fails an assertion on, gives "".
std::string sanitize_remote_html(std::string_view html);

// The text of remote HTML, for search, notifications and length checks: tags dropped, character references
// decoded, a line break for each <br> and around paragraphs and other blocks (runs of breaks collapse into one,
// and none is added at the start or end). Scripts, styles and other dropped content leave no text. Never throws; ""
// where sanitize_remote_html gives "" for want of a parse.
std::string html_to_plain_text(std::string_view html);

}  // namespace vmst::text
