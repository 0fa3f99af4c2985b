// Hashtags as Mastodon's Extractor finds them: Tag::HASHTAG_RE, then the "#taghttps://" split.
#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

bool is_name_char(char32_t c) { return is_word_char(c) || is_hashtag_separator(c); }

// Removes a trailing "http" or "https" (lower case, as Extractor's /(.+)(https?\Z)/) from the name
// [name_begin, name_end) when something is left.
std::size_t without_scheme_suffix(const CodePoints& text, std::size_t name_begin, std::size_t name_end) {
  if (name_end - name_begin > 5 && text.matches(name_end - 5, "https")) return name_end - 5;
  if (name_end - name_begin > 4 && text.matches(name_end - 4, "http")) return name_end - 4;
  return name_end;
}

}  // namespace

bool is_hashtag_separator(char32_t c) { return c == '_' || c == 0x00B7 || c == 0x30FB || c == 0x200C; }

// HASHTAG_NAME_PAT is FIRST|LAST, tried in that order:
//   FIRST = w (w|s)* (a|s) (w|s)* w      LAST = w* a w*
// with w a word character, s a separator and a an alphabetic character (every one of which is a word
// character). FIRST wants a letter or separator somewhere strictly inside, and then reaches the last word
// character of the run of name characters; LAST is a run of word characters with a letter in it.
std::size_t hashtag_name_end(const CodePoints& text, std::size_t from) {
  if (is_word_char(text.at(from))) {
    std::size_t run_end = from + 1;
    while (is_name_char(text.at(run_end))) ++run_end;
    std::size_t last_word = run_end;
    while (last_word > from + 1 && !is_word_char(text.at(last_word - 1))) --last_word;
    // last_word is one past the last word character after `from` (or from + 1 when there is none).
    for (std::size_t i = from + 1; i + 1 < last_word; ++i) {
      if (is_alphabetic(text.at(i)) || is_hashtag_separator(text.at(i))) return last_word;
    }
  }
  std::size_t end = from;
  bool has_letter = false;
  while (is_word_char(text.at(end))) {
    has_letter = has_letter || is_alphabetic(text.at(end));
    ++end;
  }
  return has_letter ? end : from;
}

std::vector<TokenSpan> scan_hashtags(const CodePoints& text) {
  std::vector<TokenSpan> hashtags;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text.at(at) != '#' && text.at(at) != 0xFF03) continue;
    if (at > 0 && !is_white_space(text.before(at))) continue;
    const std::size_t name_end = hashtag_name_end(text, at + 1);
    if (name_end == at + 1) continue;
    std::size_t end = name_end;
    if (text.matches(end, "://")) end = without_scheme_suffix(text, at + 1, end);
    hashtags.push_back({TokenKind::hashtag, at, end, end});
    at = name_end - 1;
  }
  return hashtags;
}

}  // namespace vmst::text
