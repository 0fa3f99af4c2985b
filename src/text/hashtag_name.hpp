#pragma once
// Hashtag names for storage, lookup and URLs, as Mastodon treats them (Tag::HASHTAG_NAME_RE, HashtagNormalizer).
#include <string>
#include <string_view>

namespace vmst::text {

// Whether `name` (without '#') is a whole hashtag name: word characters, with the separators · ・ U+200C inside,
// not purely numeric. For /tags/:name and the API's tag parameters; false for anything else, ill-formed UTF-8
// included.
bool is_valid_hashtag_name(std::string_view name);

// The key a tag is stored and looked up under, so that #Café, #cafe and #ＣＡＦＥ are one tag: NFKC (full-width and
// half-width forms become ordinary ones), lower case, Latin letters folded to ASCII (é → e, ß → ss), and every
// character that cannot be in a hashtag name removed. Empty when nothing is left.
std::string normalize_hashtag_name(std::string_view name);

// The form shown for a tag: as written, less the characters that cannot be in a hashtag name.
std::string hashtag_display_name(std::string_view name);

// `name` percent-encoded as one URL path segment (every byte but ASCII letters, digits and - . _ ~), as Mastodon's
// tag URLs are: "/tags/" + hashtag_path_segment("タグ") is "/tags/%E3%82%BF%E3%82%B0".
std::string hashtag_path_segment(std::string_view name);

}  // namespace vmst::text
