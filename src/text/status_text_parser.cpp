#include "text/status_text_parser.hpp"

#include <algorithm>
#include <unordered_set>

#include "text/text_scanners.hpp"

namespace vmst::text {
namespace {

std::string slice(std::string_view text, const CodePoints& code_points, std::size_t begin, std::size_t end) {
  const std::size_t from = code_points.offset(begin);
  return std::string(text.substr(from, code_points.offset(end) - from));
}

Token to_token(std::string_view text, const CodePoints& code_points, const TokenSpan& span) {
  Token token;
  token.kind = span.kind;
  token.begin = code_points.offset(span.begin);
  token.end = code_points.offset(span.end);
  switch (span.kind) {
    case TokenKind::url:
      token.value = slice(text, code_points, span.begin, span.end);
      break;
    case TokenKind::mention:
      token.value = slice(text, code_points, span.begin + 1, span.end);
      token.username = slice(text, code_points, span.begin + 1, span.username_end);
      if (span.end > span.username_end) token.domain = slice(text, code_points, span.username_end + 1, span.end);
      break;
    case TokenKind::hashtag:
      token.value = slice(text, code_points, span.begin + 1, span.end);
      break;
    case TokenKind::custom_emoji:
      token.value = slice(text, code_points, span.begin + 1, span.end - 1);
      break;
  }
  return token;
}

void append_spans(std::vector<TokenSpan>& to, const std::vector<TokenSpan>& spans) {
  to.insert(to.end(), spans.begin(), spans.end());
}

}  // namespace

std::vector<Token> parse_status_text(std::string_view text) {
  const CodePoints code_points(text);
  std::vector<TokenSpan> entities = scan_urls(code_points);
  append_spans(entities, scan_hashtags(code_points));
  append_spans(entities, scan_mentions(code_points));
  append_spans(entities, scan_extended_uris(code_points));
  entities = without_overlaps(std::move(entities));
  // Mastodon looks for custom emoji separately, over the whole text.
  append_spans(entities, scan_custom_emoji(code_points));
  std::stable_sort(entities.begin(), entities.end(),
                   [](const TokenSpan& a, const TokenSpan& b) { return a.begin < b.begin; });

  std::vector<Token> tokens;
  tokens.reserve(entities.size());
  for (const TokenSpan& span : entities) tokens.push_back(to_token(text, code_points, span));
  return tokens;
}

std::string mention_handle(const Token& mention) {
  std::string handle = mention.value;
  for (char& ch : handle) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return handle;
}

std::vector<std::string> custom_emoji_shortcodes(const std::vector<Token>& tokens) {
  std::vector<std::string> shortcodes;
  std::unordered_set<std::string> seen;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::custom_emoji && seen.insert(token.value).second) shortcodes.push_back(token.value);
  }
  return shortcodes;
}

}  // namespace vmst::text
