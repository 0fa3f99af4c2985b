#pragma once
// How long a post is for the character limit, counted as Mastodon's StatusLengthValidator counts it.
#include <string_view>

namespace vmst::text {

// What each link counts for, whatever its length (the API's configuration.statuses.characters_reserved_per_url).
inline constexpr int kCharactersPerUrl = 23;

// The length of a post's text: stripped as Mastodon stores it, each link (as parse_status_text finds them)
// counted as kCharactersPerUrl and each mention as "@user" without its domain; everything else counts one per
// code point, except that CR LF counts once. Mastodon counts grapheme clusters, which differs only where several
// code points join into one character (emoji sequences, combining marks), and there this count is the larger; its
// web client counts code points too. Each maximal ill-formed UTF-8 subpart counts as one.
int count_status_characters(std::string_view text);

// The content warning counts towards the same limit in full, links and mentions included (Mastodon validates
// spoiler_text + countable text): this is its length, stripped, counted as above.
int count_plain_characters(std::string_view text);

}  // namespace vmst::text
