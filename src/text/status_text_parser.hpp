#pragma once
// What a local user typed, scanned into the links, mentions, hashtags and custom emoji Mastodon would find in it.
//
// The rules are Mastodon's (its Extractor over twitter-text, with Mastodon's overrides, Account::MENTION_RE,
// Tag::HASHTAG_RE and CustomEmoji::SCAN_RE), so a post gets the same links here as on a Mastodon server:
// - url: a scheme Mastodon links (http, https, dat, dweb, ipfs, ipns, ssb, gopher, gemini; any case) followed by
//   "://", not right after a letter, digit, @, $ or #; a host whose last label is a real top-level domain (so
//   "http://localhost" is not linked, as on Mastodon); an optional port; a path that may hold balanced parentheses
//   (one level of nesting) and does not end in punctuation such as . , ! ? : ; ' " ) or 「」; a query that ends in a
//   letter, digit or one of _ & = # / -. Protocol-less links ("example.com") are not linked, as on Mastodon.
//   Mastodon also links xmpp: URIs (xmpp:room@conference.example.org?join) and magnet:? URIs; they are url
//   tokens too, but count in full towards the length.
// - mention: @user or @user@domain, not right after a word character, / or = (so e-mail addresses are not
//   mentions), and not followed by another @, an accented Latin letter or "://". The user part is ASCII letters,
//   digits and _ with inner runs of . or -; the domain part is word characters with inner runs of . or -.
//   Unlike Mastodon, the domain may end in a port, ":1" to ":65535" not followed by a word character, because
//   this instance and its test peers live at host:port and their handles carry the port; a colon that does not
//   start such a port stays text, so "@bob@example.com: hello" still ends the mention before the colon.
// - hashtag: # or ＃ at the start of the text or after white space, then a name of word characters in which the
//   separators · ・ and U+200C may stand between word characters and at least one letter appears (so #1 is not a
//   hashtag; neither are foo#bar or a URL's #fragment). "#taghttps://…" gives the tag "tag".
// - custom_emoji: :shortcode: of two or more ASCII letters, digits or underscores, with no letter, digit or colon
//   right before or after. Mastodon looks for these over the whole text, so they may lie inside a link.
// Links, mentions and hashtags never overlap: where two would, the one that starts first is kept.
//
// Bytes that are not well-formed UTF-8 are never part of a token and never split one.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::text {

enum class TokenKind { url, mention, hashtag, custom_emoji };

struct Token {
  TokenKind kind = TokenKind::url;
  // Byte range of the whole token in the scanned text, sigils included ("@alice@example.com", "#tag", ":blob:").
  std::size_t begin = 0;
  std::size_t end = 0;
  // url: the URL; mention: "user" or "user@domain" as written; hashtag: the name as written, without the #;
  // custom_emoji: the shortcode without colons.
  std::string value;
  // Mentions only: the parts of `value`; `domain` is empty for "@user" and may end in ":port".
  std::string username;
  std::string domain;
};

// Every token in `text`, ordered by position.
std::vector<Token> parse_status_text(std::string_view text);

// The handle a mention is resolved by: "user" or "user@domain" in ASCII lower case.
std::string mention_handle(const Token& mention);

// The distinct custom emoji shortcodes among `tokens`, in order of first appearance (shortcodes are
// case-sensitive, as Mastodon stores them).
std::vector<std::string> custom_emoji_shortcodes(const std::vector<Token>& tokens);

}  // namespace vmst::text
