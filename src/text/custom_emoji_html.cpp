#include "text/custom_emoji_html.hpp"

#include "text/html_escape.hpp"
#include "text/text_scanners.hpp"

namespace vmst::text {

namespace {

const EmojiImage* find_emoji(const std::vector<EmojiImage>& emojis, std::string_view shortcode) {
  for (const auto& emoji : emojis) {
    if (emoji.shortcode == shortcode) return &emoji;
  }
  return nullptr;
}

void append_image(std::string& out, const EmojiImage& emoji) {
  out += "<img draggable=\"false\" class=\"emojione custom-emoji\" alt=\":";
  append_html_escaped(out, emoji.shortcode);
  out += ":\" title=\":";
  append_html_escaped(out, emoji.shortcode);
  out += ":\" src=\"";
  append_html_escaped(out, emoji.url);
  out += "\">";
}

// One run of text between tags.
void append_text(std::string& out, std::string_view text, const std::vector<EmojiImage>& emojis) {
  if (text.find(':') == std::string_view::npos) {
    out += text;
    return;
  }
  const CodePoints code_points(text);
  std::size_t copied = 0;
  for (const auto& span : scan_custom_emoji(code_points)) {
    const std::size_t begin = code_points.offset(span.begin);
    const std::size_t end = code_points.offset(span.end);
    const EmojiImage* emoji = find_emoji(emojis, text.substr(begin + 1, end - begin - 2));
    if (!emoji) continue;
    out += text.substr(copied, begin - copied);
    append_image(out, *emoji);
    copied = end;
  }
  out += text.substr(copied);
}

// Where the tag starting at `at` ('<') ends, one past its '>'; quoted attribute values may hold a '>'.
std::size_t tag_end(std::string_view html, std::size_t at) {
  char quote = 0;
  for (std::size_t i = at + 1; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

}  // namespace

std::string with_custom_emoji(std::string_view html, const std::vector<EmojiImage>& emojis) {
  if (emojis.empty() || html.find(':') == std::string_view::npos) return std::string(html);
  std::string out;
  out.reserve(html.size() + 128);
  std::size_t at = 0;
  while (at < html.size()) {
    const std::size_t open = html.find('<', at);
    const std::size_t text_end = open == std::string_view::npos ? html.size() : open;
    append_text(out, html.substr(at, text_end - at), emojis);
    if (open == std::string_view::npos) break;
    const std::size_t close = tag_end(html, open);
    out += html.substr(open, close - open);
    at = close;
  }
  return out;
}

}  // namespace vmst::text
