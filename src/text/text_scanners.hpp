#pragma once
// The scanners behind parse_status_text and count_status_characters, one per kind of token, each reproducing one
// of Mastodon's regular expressions (see status_text_parser.hpp). They work on code point indices.
#include <cstddef>
#include <vector>

#include "text/code_points.hpp"
#include "text/status_text_parser.hpp"

namespace vmst::text {

struct TokenSpan {
  TokenKind kind = TokenKind::url;
  std::size_t begin = 0;  // code point indices, the whole token
  std::size_t end = 0;
  std::size_t username_end = 0;  // mentions: where "user" ends (an '@' and the domain may follow up to `end`)
};

std::vector<TokenSpan> scan_urls(const CodePoints& text);
// xmpp: and magnet: URIs, which Mastodon links too (but, unlike the links above, counts in full).
std::vector<TokenSpan> scan_extended_uris(const CodePoints& text);
std::vector<TokenSpan> scan_mentions(const CodePoints& text);
std::vector<TokenSpan> scan_hashtags(const CodePoints& text);
std::vector<TokenSpan> scan_custom_emoji(const CodePoints& text);

// Sorted by start, without any span that starts before the last kept one ends (twitter-text's
// remove_overlapping_entities).
std::vector<TokenSpan> without_overlaps(std::vector<TokenSpan> spans);

// Pieces of the link grammar that scan_extended_uris shares with scan_urls.
bool is_valid_url_preceding_char(char32_t c);
std::size_t url_domain_end(const CodePoints& text, std::size_t at);  // `at` when no host starts there
std::size_t url_query_end(const CodePoints& text, std::size_t at);   // `at` ('?') when no query follows

// The characters Mastodon lets stand inside a hashtag name besides word characters: _ · ・ and U+200C ZERO WIDTH
// NON-JOINER (Persian writes words with it).
bool is_hashtag_separator(char32_t c);

// Where a hashtag name starting at `from` ends (Tag::HASHTAG_NAME_PAT, as a search would match it), or `from`
// when none starts there.
std::size_t hashtag_name_end(const CodePoints& text, std::size_t from);

}  // namespace vmst::text
