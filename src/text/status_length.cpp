#include "text/status_length.hpp"

#include <climits>
#include <cstddef>
#include <vector>

#include "text/code_points.hpp"
#include "text/status_text_trim.hpp"
#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

// Code points in [begin, end), a CR LF pair counting once.
std::size_t characters_between(const CodePoints& text, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (!(text.at(i) == '\r' && i + 1 < end && text.at(i + 1) == '\n')) ++count;
  }
  return count;
}

int clamped(std::size_t count) { return count > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(count); }

}  // namespace

int count_status_characters(std::string_view typed) {
  const std::string_view stripped = strip_status_text(typed);
  if (is_blank_status_text(stripped)) return 0;
  const CodePoints text(stripped);
  // The validator shortens only what the formatter links: links and mentions, overlaps removed as there, but
  // without hashtags taking part.
  std::vector<TokenSpan> entities = scan_urls(text);
  const std::vector<TokenSpan> mentions = scan_mentions(text);
  entities.insert(entities.end(), mentions.begin(), mentions.end());
  entities = without_overlaps(std::move(entities));

  std::size_t count = 0;
  std::size_t at = 0;
  for (const TokenSpan& entity : entities) {
    count += characters_between(text, at, entity.begin);
    count += entity.kind == TokenKind::url ? static_cast<std::size_t>(kCharactersPerUrl)
                                           : entity.username_end - entity.begin;  // "@user"
    at = entity.end;
  }
  count += characters_between(text, at, text.size());
  return clamped(count);
}

int count_plain_characters(std::string_view typed) {
  const CodePoints text(strip_status_text(typed));
  return clamped(characters_between(text, 0, text.size()));
}

}  // namespace vmst::text
