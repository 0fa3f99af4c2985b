#pragma once
// A local post's text as the HTML Mastodon's TextFormatter makes of it, byte for byte: the same markup for links,
// mentions and hashtags, the same escaping, paragraphs and line breaks. Pure: whatever needs the database (which
// account a mention names, where a tag page is) comes from the caller.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace vmst::text {

struct MentionLink {
  std::string profile_url;       // the account's profile page (Mastodon links its url, not its ActivityPub id)
  std::string display_username;  // "alice", or "alice@example.com" where the bare name would be ambiguous
};

struct StatusHtmlOptions {
  // The account a mention names, given its mention_handle(): "user" or "user@domain" in ASCII lower case; a local
  // account may be written either way, which the callback decides. No answer (or no callback) leaves the mention
  // as text, as Mastodon does for accounts it does not know.
  std::function<std::optional<MentionLink>(std::string_view handle)> resolve_mention;
  // The tag page of a hashtag given as written, without the '#' (hashtag_path_segment() encodes it for a path).
  // Without a callback, or for an empty URL, the hashtag stays text.
  std::function<std::string(std::string_view hashtag)> hashtag_url;
  // Paragraphs and <br /> as for posts; false leaves line breaks as they are.
  bool multiline = true;
  // rel="nofollow noopener me" on links, as Mastodon renders profile fields for link verification.
  bool rel_me = false;
};

// `text` is what the user typed (UTF-8). Like Mastodon it is first stripped of surrounding ASCII white space and
// its line ends normalised; text that is blank then gives "". Blank lines separate paragraphs (<p>…</p>), other
// line breaks become <br />; everything else is HTML-escaped. Custom emoji stay ":shortcode:" text (clients put the
// images in). Ill-formed UTF-8 becomes U+FFFD and control characters HTML forbids are dropped.
std::string render_status_html(std::string_view text, const StatusHtmlOptions& options);

// A link in Mastodon's shortened form: the scheme (and "www.") hidden, 30 characters shown and the rest hidden
// behind an ellipsis (TextFormatter.shortened_link), e.g.
//   <a href="https://example.com/" target="_blank" rel="nofollow noopener" translate="no"><span
//   class="invisible">https://</span><span class="">example.com/</span><span class="invisible"></span></a>
// (without the line break).
std::string shortened_link_html(std::string_view url, bool rel_me = false);

}  // namespace vmst::text
