#include "text/status_html_renderer.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/hashtag_name.hpp"

using namespace vmst::text;

// Every expected string below is written from Mastodon's TextFormatter (app/lib/text_formatter.rb: shortened_link,
// link_to_mention, link_to_hashtag, Rails' simple_format with .delete("\n")) and its spec
// (spec/lib/text_formatter_spec.rb), or copied from HTML that mastodon.social served for the same text; none was
// produced by running this renderer.
namespace {

StatusHtmlOptions with_accounts(std::map<std::string, MentionLink> accounts) {
  StatusHtmlOptions options;
  options.resolve_mention = [accounts = std::move(accounts)](std::string_view handle) -> std::optional<MentionLink> {
    const auto found = accounts.find(std::string(handle));
    if (found == accounts.end()) return std::nullopt;
    return found->second;
  };
  options.hashtag_url = [](std::string_view tag) {
    return "https://cb6e6126.ngrok.io/tags/" + hashtag_path_segment(tag);
  };
  return options;
}

std::string render(std::string_view text) { return render_status_html(text, with_accounts({})); }

}  // namespace

// ---- Paragraphs, line breaks, escaping ------------------------------------------------------------------------

TEST_CASE("status html: text becomes a paragraph, blank lines separate paragraphs, line breaks become <br />",
          "[status_html]") {
  CHECK(render("text") == "<p>text</p>");
  CHECK(render("line\nfeed") == "<p>line<br />feed</p>");
  CHECK(render("first\n\nsecond\n\n\n\nthird") == "<p>first</p><p>second</p><p>third</p>");
  CHECK(render("a\n \nb") == "<p>a<br /> <br />b</p>");
  CHECK(render("a\r\nb\rc\r\n\r\nd") == "<p>a<br />b<br />c</p><p>d</p>");
}

TEST_CASE("status html: surrounding white space is stripped and blank text gives no HTML", "[status_html]") {
  CHECK(render("\n  hello world \t\n") == "<p>hello world</p>");
  CHECK(render("\n\nhello\n\n") == "<p>hello</p>");
  CHECK(render("").empty());
  CHECK(render(" \n\t \r\n").empty());
  CHECK(render("\u3000").empty());
}

TEST_CASE("status html: HTML in the text is escaped, quotes included", "[status_html][escaping]") {
  CHECK(render("<script>alert(\"Hello\")</script>") == "<p>&lt;script&gt;alert(&quot;Hello&quot;)&lt;/script&gt;</p>");
  CHECK(render(R"(<img src="javascript:alert('XSS');">)") ==
        "<p>&lt;img src=&quot;javascript:alert(&#39;XSS&#39;);&quot;&gt;</p>");
  CHECK(render("Tom & Jerry's") == "<p>Tom &amp; Jerry&#39;s</p>");
}

TEST_CASE("status html: ill-formed UTF-8 becomes U+FFFD and forbidden control characters are dropped",
          "[status_html][utf8]") {
  CHECK(render("a\xFF b") == "<p>a\xEF\xBF\xBD b</p>");
  CHECK(render("a\x01" "b\x7F" "c") == "<p>abc</p>");
  CHECK(render("\xE2\x82 @alice") == "<p>\xEF\xBF\xBD @alice</p>");
}

// ---- Links ----------------------------------------------------------------------------------------------------

TEST_CASE("status html: a short link shows all of itself but the scheme", "[status_html][url]") {
  CHECK(render("http://google.com") ==
        R"(<p><a href="http://google.com" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible">http://</span><span class="">google.com</span><span class="invisible"></span>)"
        R"(</a></p>)");
  // mastodon.social, 2025
  CHECK(render("I love \"This week in Gnome\"\n\nhttps://thisweek.gnome.org") ==
        R"(<p>I love &quot;This week in Gnome&quot;</p><p><a href="https://thisweek.gnome.org" target="_blank" )"
        R"(rel="nofollow noopener" translate="no"><span class="invisible">https://</span><span class="">)"
        R"(thisweek.gnome.org</span><span class="invisible"></span></a></p>)");
}

TEST_CASE("status html: a long link shows 30 characters and hides the rest behind an ellipsis", "[status_html][url]") {
  // mastodon.social, 2025
  CHECK(render("My job here is done:\n\nhttps://github.com/migueldeicaza/RealityActions") ==
        R"(<p>My job here is done:</p><p><a href="https://github.com/migueldeicaza/RealityActions" )"
        R"(target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span>)"
        R"(<span class="ellipsis">github.com/migueldeicaza/Reali</span><span class="invisible">tyActions</span>)"
        R"(</a></p>)");
  CHECK(shortened_link_html("https://mastodon.social/@noppe/110169367468437948") ==
        R"(<a href="https://mastodon.social/@noppe/110169367468437948" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">https://</span><span class="ellipsis">)"
        R"(mastodon.social/@noppe/1101693</span><span class="invisible">67468437948</span></a>)");
}

TEST_CASE("status html: a link one character too long is shown whole rather than cut before its last character",
          "[status_html][url]") {
  CHECK(render("https://cynefin.io/index.php/Triopticon") ==
        R"(<p><a href="https://cynefin.io/index.php/Triopticon" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">https://</span><span class="">cynefin.io/index.php/Triopticon)"
        R"(</span><span class="invisible"></span></a></p>)");
  // Exactly 30 characters after the scheme: nothing hidden.
  CHECK(shortened_link_html("https://example.com/abcdefghijklmnopqr") ==
        R"(<a href="https://example.com/abcdefghijklmnopqr" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">https://</span><span class="">example.com/abcdefghijklmnopqr)"
        R"(</span><span class="invisible"></span></a>)");
}

TEST_CASE("status html: www. is hidden with the scheme, and the hidden prefix is case-sensitive", "[status_html][url]") {
  CHECK(render("http://www.google.com!") ==
        R"(<p><a href="http://www.google.com" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible">http://www.</span><span class="">google.com</span>)"
        R"(<span class="invisible"></span></a>!</p>)");
  CHECK(render("HTTPS://EXAMPLE.COM/") ==
        R"(<p><a href="HTTPS://EXAMPLE.COM/" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible"></span><span class="">HTTPS://EXAMPLE.COM/</span>)"
        R"(<span class="invisible"></span></a></p>)");
  CHECK(shortened_link_html("gemini://example.org/") ==
        R"(<a href="gemini://example.org/" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible"></span><span class="">gemini://example.org/</span>)"
        R"(<span class="invisible"></span></a>)");
}

TEST_CASE("status html: markup after a link is escaped text, not part of the link", "[status_html][url][escaping]") {
  CHECK(render("http://example.com/b<del>b</del>") ==
        R"(<p><a href="http://example.com/b" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible">http://</span><span class="">example.com/b</span>)"
        R"(<span class="invisible"></span></a>&lt;del&gt;b&lt;/del&gt;</p>)");
  CHECK(render("http://example.com/blahblahblahblah/a<script>alert(\"Hello\")</script>") ==
        R"(<p><a href="http://example.com/blahblahblahblah/a" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">http://</span><span class="">example.com/blahblahblahblah/a)"
        R"(</span><span class="invisible"></span></a>&lt;script&gt;alert(&quot;Hello&quot;)&lt;/script&gt;</p>)");
}

TEST_CASE("status html: ampersands in a link's query are escaped in the href and the text", "[status_html][url]") {
  CHECK(render("https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&q=autolink") ==
        R"(<p><a href="https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&amp;q=autolink" target="_blank" )"
        R"(rel="nofollow noopener" translate="no"><span class="invisible">https://www.</span>)"
        R"(<span class="ellipsis">ruby-toolbox.com/search?utf8=%</span>)"
        R"(<span class="invisible">E2%9C%93&amp;q=autolink</span></a></p>)");
}

TEST_CASE("status html: characters are counted as code points when a link is shortened", "[status_html][url]") {
  CHECK(render("https://nic.みんな/") ==
        R"(<p><a href="https://nic.みんな/" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible">https://</span><span class="">nic.みんな/</span>)"
        R"(<span class="invisible"></span></a></p>)");
  CHECK(shortened_link_html("https://ja.wikipedia.org/wiki/日本語の文字と表記体系") ==
        R"(<a href="https://ja.wikipedia.org/wiki/日本語の文字と表記体系" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">https://</span><span class="ellipsis">)"
        R"(ja.wikipedia.org/wiki/日本語の文字と表</span><span class="invisible">記体系</span></a>)");
}

TEST_CASE("status html: xmpp: URIs hide their scheme and magnet: URIs are shortened whole", "[status_html][url]") {
  CHECK(render("please join xmpp:muc@instance.com?join right now") ==
        R"(<p>please join <a href="xmpp:muc@instance.com?join" target="_blank" rel="nofollow noopener" )"
        R"(translate="no"><span class="invisible">xmpp:</span><span class="">muc@instance.com?join</span>)"
        R"(<span class="invisible"></span></a> right now</p>)");
  CHECK(render("magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a") ==
        R"(<p><a href="magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a" target="_blank" )"
        R"(rel="nofollow noopener" translate="no"><span class="invisible"></span><span class="ellipsis">)"
        R"(magnet:?xt=urn:btih:c12fe1c06b</span><span class="invisible">ba254a9dc9f519b335aa7c1367a88a</span>)"
        R"(</a></p>)");
}

TEST_CASE("status html: links get rel=me when asked, as profile fields do", "[status_html][url]") {
  StatusHtmlOptions options;
  options.rel_me = true;
  CHECK(render_status_html("https://example.com/", options) ==
        R"(<p><a href="https://example.com/" target="_blank" rel="nofollow noopener me" translate="no">)"
        R"(<span class="invisible">https://</span><span class="">example.com/</span>)"
        R"(<span class="invisible"></span></a></p>)");
}

TEST_CASE("status html: text that is not a link stays text", "[status_html][url]") {
  CHECK(render("http://www\\.google\\.com") == "<p>http://www\\.google\\.com</p>");
  CHECK(render("http://localhost:3000/") == "<p>http://localhost:3000/</p>");
  CHECK(render("example.com") == "<p>example.com</p>");
}

// ---- Mentions -------------------------------------------------------------------------------------------------

TEST_CASE("status html: a resolved mention links the account's profile in an h-card", "[status_html][mention]") {
  const StatusHtmlOptions options = with_accounts({{"alice", {"https://cb6e6126.ngrok.io/@alice", "alice"}}});
  CHECK(render_status_html("@alice", options) ==
        R"(<p><span class="h-card" translate="no"><a href="https://cb6e6126.ngrok.io/@alice" class="u-url mention">)"
        R"(@<span>alice</span></a></span></p>)");
  // mastodon.social, 2025
  const StatusHtmlOptions remote =
      with_accounts({{"indigoparadox", {"https://mastodon.social/@indigoparadox", "indigoparadox"}}});
  CHECK(render_status_html("@indigoparadox No, none of that.", remote) ==
        R"(<p><span class="h-card" translate="no"><a href="https://mastodon.social/@indigoparadox" )"
        R"(class="u-url mention">@<span>indigoparadox</span></a></span> No, none of that.</p>)");
}

TEST_CASE("status html: a remote mention shows the display username the caller chose", "[status_html][mention]") {
  const StatusHtmlOptions options = with_accounts({{"bob@example.com", {"https://example.com/@bob", "bob"}},
                                                   {"bob@other.example", {"https://other.example/@bob", "bob@other.example"}}});
  CHECK(render_status_html("(@bob@example.com and @Bob@Other.Example)", options) ==
        R"(<p>(<span class="h-card" translate="no"><a href="https://example.com/@bob" class="u-url mention">)"
        R"(@<span>bob</span></a></span> and <span class="h-card" translate="no"><a href="https://other.example/@bob" )"
        R"(class="u-url mention">@<span>bob@other.example</span></a></span>)</p>)");
}

TEST_CASE("status html: the resolver is asked by lower-case handle, and unresolved mentions stay text",
          "[status_html][mention]") {
  std::vector<std::string> asked;
  StatusHtmlOptions options;
  options.resolve_mention = [&asked](std::string_view handle) -> std::optional<MentionLink> {
    asked.emplace_back(handle);
    return std::nullopt;
  };
  CHECK(render_status_html("@Alice and @Bob@Example.COM:8443 & a@b.c", options) ==
        "<p>@Alice and @Bob@Example.COM:8443 &amp; a@b.c</p>");
  CHECK(asked == std::vector<std::string>{"alice", "bob@example.com:8443"});
  CHECK(render_status_html("@alice", StatusHtmlOptions{}) == "<p>@alice</p>");
}

TEST_CASE("status html: values from the resolver are escaped", "[status_html][mention][escaping]") {
  const StatusHtmlOptions options = with_accounts({{"eve", {"https://example.com/@eve?a=1&b=\"2\"", "<eve>"}}});
  CHECK(render_status_html("@eve", options) ==
        R"(<p><span class="h-card" translate="no"><a href="https://example.com/@eve?a=1&amp;b=&quot;2&quot;" )"
        R"(class="u-url mention">@<span>&lt;eve&gt;</span></a></span></p>)");
}

// ---- Hashtags -------------------------------------------------------------------------------------------------

TEST_CASE("status html: hashtags link their tag page", "[status_html][hashtag]") {
  CHECK(render("#hashtag") ==
        R"(<p><a href="https://cb6e6126.ngrok.io/tags/hashtag" class="mention hashtag" rel="tag">)"
        R"(#<span>hashtag</span></a></p>)");
  CHECK(render("#hashtagタグ") ==
        R"(<p><a href="https://cb6e6126.ngrok.io/tags/hashtag%E3%82%BF%E3%82%B0" class="mention hashtag" )"
        R"(rel="tag">#<span>hashtagタグ</span></a></p>)");
  // mastodon.social-style instance (cosocial.ca), 2024
  StatusHtmlOptions cosocial;
  cosocial.hashtag_url = [](std::string_view tag) { return "https://cosocial.ca/tags/" + hashtag_path_segment(tag); };
  CHECK(render_status_html("#DWebCamp2024 was full of discussion and exploration which I'd love to see", cosocial) ==
        R"(<p><a href="https://cosocial.ca/tags/DWebCamp2024" class="mention hashtag" rel="tag">)"
        R"(#<span>DWebCamp2024</span></a> was full of discussion and exploration which I&#39;d love to see</p>)");
}

TEST_CASE("status html: a full-width ＃ is written as #, and without a tag URL hashtags stay text",
          "[status_html][hashtag]") {
  CHECK(render("＃タグ") ==
        R"(<p><a href="https://cb6e6126.ngrok.io/tags/%E3%82%BF%E3%82%B0" class="mention hashtag" rel="tag">)"
        R"(#<span>タグ</span></a></p>)");
  CHECK(render_status_html("#tag ＃タグ", StatusHtmlOptions{}) == "<p>#tag ＃タグ</p>");
  CHECK(render("foo#bar #1 (#tag)") == "<p>foo#bar #1 (#tag)</p>");
}

// ---- Custom emoji and everything together ---------------------------------------------------------------------

TEST_CASE("status html: custom emoji stay as :shortcode: text", "[status_html][emoji]") {
  CHECK(render(":blobcat: hi :ok_hand:") == "<p>:blobcat: hi :ok_hand:</p>");
  // A colon cannot end a link, so the closing one of a shortcode at the end of a link is text after it.
  CHECK(render("https://example.com/:blob:") ==
        R"(<p><a href="https://example.com/:blob" target="_blank" rel="nofollow noopener" translate="no">)"
        R"(<span class="invisible">https://</span><span class="">example.com/:blob</span>)"
        R"(<span class="invisible"></span></a>:</p>)");
}

TEST_CASE("status html: links, mentions and hashtags together in paragraphs", "[status_html]") {
  const StatusHtmlOptions options = with_accounts({{"alice", {"https://cb6e6126.ngrok.io/@alice", "alice"}}});
  CHECK(render_status_html("Hi @alice! Read https://example.com/docs.\n:wave: #News\n\nBye", options) ==
        R"(<p>Hi <span class="h-card" translate="no"><a href="https://cb6e6126.ngrok.io/@alice" )"
        R"(class="u-url mention">@<span>alice</span></a></span>! Read <a href="https://example.com/docs" )"
        R"(target="_blank" rel="nofollow noopener" translate="no"><span class="invisible">https://</span>)"
        R"(<span class="">example.com/docs</span><span class="invisible"></span></a>.<br />:wave: )"
        R"(<a href="https://cb6e6126.ngrok.io/tags/News" class="mention hashtag" rel="tag">#<span>News</span></a>)"
        R"(</p><p>Bye</p>)");
}

TEST_CASE("status html: without multiline, line breaks are kept as they are", "[status_html]") {
  StatusHtmlOptions options;
  options.multiline = false;
  CHECK(render_status_html(" a\n\nb <c> ", options) == "a\n\nb &lt;c&gt;");
}
