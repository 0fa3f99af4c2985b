#include "text/status_html_renderer.hpp"

#include <cstddef>

#include "text/html_escape.hpp"
#include "text/status_text_parser.hpp"
#include "text/status_text_trim.hpp"
#include "text/utf8.hpp"

namespace vmst::text {
namespace {

constexpr std::size_t kShownUrlCharacters = 30;

// Rails' simple_format turns \r\n and \r into \n before it splits paragraphs; doing it first lets the escaper
// treat every \r it sees as a literal character.
std::string with_unix_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out.push_back(text[i]);
      continue;
    }
    out.push_back('\n');
    if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
  }
  return out;
}

// Mastodon's URL_PREFIX_REGEX, \A(https?://(www\.)?|xmpp:), which is case-sensitive.
std::size_t hidden_prefix_length(std::string_view url) {
  std::size_t length = 0;
  if (url.starts_with("https://")) {
    length = 8;
  } else if (url.starts_with("http://")) {
    length = 7;
  } else if (url.starts_with("xmpp:")) {
    return 5;
  } else {
    return 0;
  }
  if (url.substr(length).starts_with("www.")) length += 4;
  return length;
}

// Byte length of the first `count` code points of `text` (all of it when shorter); sets `counted` to how many
// there were.
std::size_t prefix_bytes(std::string_view text, std::size_t count, std::size_t& counted) {
  std::size_t at = 0;
  counted = 0;
  while (at < text.size() && counted < count) {
    at += decode_utf8_at(text, at).length;
    ++counted;
  }
  return at;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t counted = 0;
  prefix_bytes(text, text.size(), counted);
  return counted;
}

void append_mention(std::string& html, const MentionLink& link) {
  html.append(R"(<span class="h-card" translate="no"><a href=")");
  append_html_escaped(html, link.profile_url);
  html.append(R"(" class="u-url mention">@<span>)");
  append_html_escaped(html, link.display_username);
  html.append("</span></a></span>");
}

void append_hashtag(std::string& html, std::string_view url, std::string_view name) {
  html.append(R"(<a href=")");
  append_html_escaped(html, url);
  html.append(R"(" class="mention hashtag" rel="tag">#<span>)");
  append_html_escaped(html, name);
  html.append("</span></a>");
}

void append_token(std::string& html, std::string_view source, const Token& token, const StatusHtmlOptions& options) {
  switch (token.kind) {
    case TokenKind::url:
      html.append(shortened_link_html(token.value, options.rel_me));
      return;
    case TokenKind::mention:
      if (options.resolve_mention) {
        if (const std::optional<MentionLink> link = options.resolve_mention(mention_handle(token))) {
          append_mention(html, *link);
          return;
        }
      }
      break;
    case TokenKind::hashtag:
      if (options.hashtag_url) {
        const std::string url = options.hashtag_url(token.value);
        if (!url.empty()) {
          append_hashtag(html, url, token.value);
          return;
        }
      }
      break;
    case TokenKind::custom_emoji:
      break;
  }
  append_html_escaped(html, source);
}

// simple_format: paragraphs split on runs of blank lines, single line breaks as <br />, with Mastodon's
// .delete("\n") applied (so paragraphs follow each other directly).
std::string as_paragraphs(std::string_view html) {
  std::string out;
  out.reserve(html.size() + 16);
  out.append("<p>");
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] != '\n') {
      out.push_back(html[i]);
      continue;
    }
    if (i + 1 < html.size() && html[i + 1] == '\n') {
      while (i + 1 < html.size() && html[i + 1] == '\n') ++i;
      out.append("</p><p>");
    } else {
      out.append("<br />");
    }
  }
  out.append("</p>");
  return out;
}

}  // namespace

std::string render_status_html(std::string_view typed, const StatusHtmlOptions& options) {
  const std::string normalised = with_unix_line_ends(typed);
  const std::string_view text = strip_status_text(normalised);
  if (is_blank_status_text(text)) return {};

  std::string html;
  html.reserve(text.size() * 2);
  std::size_t at = 0;
  for (const Token& token : parse_status_text(text)) {
    // Custom emoji stay text, and may lie inside a link already written.
    if (token.kind == TokenKind::custom_emoji) continue;
    append_html_escaped(html, text.substr(at, token.begin - at));
    append_token(html, text.substr(token.begin, token.end - token.begin), token, options);
    at = token.end;
  }
  append_html_escaped(html, text.substr(at));
  return options.multiline ? as_paragraphs(html) : html;
}

std::string shortened_link_html(std::string_view url, bool rel_me) {
  const std::size_t prefix_length = hidden_prefix_length(url);
  const std::string_view rest = url.substr(prefix_length);
  std::size_t shown_count = 0;
  std::size_t shown_bytes = prefix_bytes(rest, kShownUrlCharacters, shown_count);
  const std::size_t hidden_count = code_point_count(rest.substr(shown_bytes));
  bool cut = hidden_count > 0;
  // Mastodon shows a single remaining character rather than an ellipsis standing for it.
  if (hidden_count == 1) {
    shown_bytes = rest.size();
    cut = false;
  }

  std::string html;
  html.append(R"(<a href=")");
  append_html_escaped(html, url);
  html.append(rel_me ? R"(" target="_blank" rel="nofollow noopener me" translate="no"><span class="invisible">)"
                     : R"(" target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">)");
  append_html_escaped(html, url.substr(0, prefix_length));
  html.append(cut ? R"(</span><span class="ellipsis">)" : R"(</span><span class="">)");
  append_html_escaped(html, rest.substr(0, shown_bytes));
  html.append(R"(</span><span class="invisible">)");
  append_html_escaped(html, rest.substr(shown_bytes));
  html.append("</span></a>");
  return html;
}

}  // namespace vmst::text
