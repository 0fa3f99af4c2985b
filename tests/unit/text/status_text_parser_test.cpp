#include "text/status_text_parser.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/status_html_renderer.hpp"
#include "text/status_length.hpp"

using namespace vmst::text;

// Expected values come from Mastodon's own specs (spec/lib/text_formatter_spec.rb, spec/models/tag_spec.rb) and
// from reading its regular expressions, not from this parser's output.
namespace {

std::vector<std::string> values_of(std::string_view text, TokenKind kind) {
  std::vector<std::string> values;
  for (const Token& token : parse_status_text(text)) {
    if (token.kind == kind) values.push_back(token.value);
  }
  return values;
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(unit);
  return out;
}

std::vector<std::string> urls(std::string_view text) { return values_of(text, TokenKind::url); }
std::vector<std::string> mentions(std::string_view text) { return values_of(text, TokenKind::mention); }
std::vector<std::string> hashtags(std::string_view text) { return values_of(text, TokenKind::hashtag); }
std::vector<std::string> emoji(std::string_view text) { return values_of(text, TokenKind::custom_emoji); }

using Strings = std::vector<std::string>;

bool is_well_formed_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

// ---- Links ----------------------------------------------------------------------------------------------------

TEST_CASE("status text: stand-alone links are found whole, with their byte range", "[status_text][url]") {
  const std::vector<Token> tokens = parse_status_text("see http://google.com now");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].kind == TokenKind::url);
  CHECK(tokens[0].value == "http://google.com");
  CHECK(tokens[0].begin == 4);
  CHECK(tokens[0].end == 21);

  CHECK(urls("https://hackernoon.com/the-power-to-build-communities-a-response-to-mark-zuckerberg-3f2cac9148a4") ==
        Strings{"https://hackernoon.com/the-power-to-build-communities-a-response-to-mark-zuckerberg-3f2cac9148a4"});
  CHECK(urls("http://example.gay") == Strings{"http://example.gay"});
  CHECK(urls("https://example.com:8443/a/b") == Strings{"https://example.com:8443/a/b"});
  CHECK(urls("HTTPS://EXAMPLE.COM/Path") == Strings{"HTTPS://EXAMPLE.COM/Path"});
  CHECK(urls("gemini://example.org/x and ipfs://example.org") ==
        Strings{"gemini://example.org/x", "ipfs://example.org"});
}

TEST_CASE("status text: links to internationalised domains and with non-ASCII paths are found whole",
          "[status_text][url]") {
  CHECK(urls("https://nic.みんな/") == Strings{"https://nic.みんな/"});
  CHECK(urls("https://ja.wikipedia.org/wiki/日本") == Strings{"https://ja.wikipedia.org/wiki/日本"});
  CHECK(urls("https://ko.wikipedia.org/wiki/대한민국") == Strings{"https://ko.wikipedia.org/wiki/대한민국"});
  CHECK(urls("https://baike.baidu.com/item/中华人民共和国") == Strings{"https://baike.baidu.com/item/中华人民共和国"});
  CHECK(urls("https://www.ruby-toolbox.com/search?utf8=✓&q=autolink") ==
        Strings{"https://www.ruby-toolbox.com/search?utf8=✓&q=autolink"});
  CHECK(urls("https://www.ruby-toolbox.com/search?utf8=✓") == Strings{"https://www.ruby-toolbox.com/search?utf8=✓"});
  CHECK(urls("https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&utf81=✓&q=autolink") ==
        Strings{"https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&utf81=✓&q=autolink"});
}

TEST_CASE("status text: trailing punctuation is left out of a link", "[status_text][url]") {
  CHECK(urls("http://www.mcmansionhell.com/post/156408871451/50-states-of-mcmansion-hell-scottsdale-arizona. ") ==
        Strings{"http://www.mcmansionhell.com/post/156408871451/50-states-of-mcmansion-hell-scottsdale-arizona"});
  CHECK(urls("http://www.google.com!") == Strings{"http://www.google.com"});
  CHECK(urls("http://www.google.com'") == Strings{"http://www.google.com"});
  CHECK(urls("http://www.google.com>") == Strings{"http://www.google.com"});
  CHECK(urls("Read https://example.com/page, then https://example.com/other: done.") ==
        Strings{"https://example.com/page", "https://example.com/other"});
  CHECK(urls("is it https://example.com/faq?") == Strings{"https://example.com/faq"});
  CHECK(urls("https://example.com/?q=a.") == Strings{"https://example.com/?q=a"});
  CHECK(urls("https://example.com/a;") == Strings{"https://example.com/a"});
}

TEST_CASE("status text: quotes, brackets and a full-width space around a link are left out", "[status_text][url]") {
  CHECK(urls("\"https://example.com/\"") == Strings{"https://example.com/"});
  CHECK(urls("<https://example.com/>") == Strings{"https://example.com/"});
  CHECK(urls("「[https://example.org/」") == Strings{"https://example.org/"});
  CHECK(urls("https://example.com/　abc123") == Strings{"https://example.com/"});
  CHECK(urls("http://example.com/b<del>b</del>") == Strings{"http://example.com/b"});
}

TEST_CASE("status text: balanced parentheses stay in a link, enclosing ones do not", "[status_text][url]") {
  CHECK(urls("(http://google.com/)") == Strings{"http://google.com/"});
  CHECK(urls("https://en.wikipedia.org/wiki/Diaspora_(software)") ==
        Strings{"https://en.wikipedia.org/wiki/Diaspora_(software)"});
  CHECK(urls("(see https://en.wikipedia.org/wiki/Diaspora_(software))") ==
        Strings{"https://en.wikipedia.org/wiki/Diaspora_(software)"});
  CHECK(urls("https://example.com/track/We_Up_(Album_Version_(Edited))/") ==
        Strings{"https://example.com/track/We_Up_(Album_Version_(Edited))/"});
  CHECK(urls("https://example.com/a_(b") == Strings{"https://example.com/a_"});
  CHECK(urls("https://example.com/a)b") == Strings{"https://example.com/a"});
}

TEST_CASE("status text: a link's fragment and @ are part of the link, not a hashtag or mention", "[status_text][url]") {
  const std::string text = "Check this out https://medium.com/@alice/some-article#.abcdef123";
  CHECK(urls(text) == Strings{"https://medium.com/@alice/some-article#.abcdef123"});
  CHECK(mentions(text).empty());
  CHECK(hashtags(text).empty());
  CHECK(hashtags("https://en.wikipedia.org/wiki/Ghostbusters_(song)#Lawsuit").empty());
  CHECK(hashtags("https://gcc.gnu.org/bugzilla/show_bug.cgi?id=111895#c4").empty());
  CHECK(hashtags("https://example.org/testé#foo").empty());
  CHECK(hashtags("https://en.wikipedia.org/wiki/Ghostbusters_(song)?foo=#Lawsuit").empty());
  // A mention candidate inside a link (after ",") loses to the link, which starts first.
  CHECK(urls("https://example.com/a,@alice") == Strings{"https://example.com/a,@alice"});
  CHECK(mentions("https://example.com/a,@alice").empty());
}

TEST_CASE("status text: hosts without a real top-level domain are not links, as on Mastodon", "[status_text][url]") {
  CHECK(urls("http://localhost:3000/path").empty());
  CHECK(urls("http://127.0.0.1/").empty());
  CHECK(urls("http://example.notarealtld/").empty());
  CHECK(urls("https://example.community/x") == Strings{"https://example.community/x"});
  // A sentence run on after a link: the host ends at the last real top-level domain.
  CHECK(urls("see https://example.com.Then more") == Strings{"https://example.com"});
  CHECK(urls("https://xn--80ak6aa92e.xn--p1ai/") == Strings{"https://xn--80ak6aa92e.xn--p1ai/"});
  CHECK(urls("https://my_host.example.com/") == Strings{"https://my_host.example.com/"});
  CHECK(urls("https://bad_.example.com/").empty());
}

TEST_CASE("status text: links need a scheme and a separating character before them", "[status_text][url]") {
  CHECK(urls("example.com and www.example.com").empty());
  CHECK(urls("foohttp://example.com").empty());
  CHECK(urls("$https://example.com").empty());
  CHECK(urls("@https://example.com").empty());
  CHECK(urls("ftp://example.com").empty());
  CHECK(urls("http://www\\.google\\.com").empty());
  CHECK(urls("x(https://example.com)") == Strings{"https://example.com"});
  CHECK(urls("https://a.com,https://b.org") == Strings{"https://a.com", "https://b.org"});
}

TEST_CASE("status text: xmpp: and magnet: URIs are links too", "[status_text][url]") {
  CHECK(urls("xmpp:user@instance.com") == Strings{"xmpp:user@instance.com"});
  CHECK(urls("please join xmpp:muc@instance.com?join right now") == Strings{"xmpp:muc@instance.com?join"});
  CHECK(urls("xmpp:instance.com/resource.") == Strings{"xmpp:instance.com/resource."});
  CHECK(urls("XMPP://node@instance.com/room@conference.example.org") ==
        Strings{"XMPP://node@instance.com/room@conference.example.org"});
  CHECK(urls("wikipedia gives this example of a magnet uri: "
             "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a") ==
        Strings{"magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a"});
  CHECK(urls("xmpp:user@localhost magnet:? amagnet:?x=1 xmpp:").empty());
  CHECK(mentions("xmpp:user@instance.com").empty());
}

// ---- Mentions -------------------------------------------------------------------------------------------------

TEST_CASE("status text: mentions at the start, after punctuation and inside parentheses", "[status_text][mention]") {
  CHECK(mentions("@alice hi") == Strings{"alice"});
  CHECK(mentions("hi @alice") == Strings{"alice"});
  CHECK(mentions("(@alice)") == Strings{"alice"});
  CHECK(mentions("hi,@alice!") == Strings{"alice"});
  CHECK(mentions("\"@alice\"") == Strings{"alice"});
  CHECK(mentions("@alice.") == Strings{"alice"});
  CHECK(mentions("@alice_b.c-d") == Strings{"alice_b.c-d"});
  CHECK(mentions("@alice..") == Strings{"alice"});
}

TEST_CASE("status text: remote mentions keep their domain, split into parts", "[status_text][mention]") {
  const std::vector<Token> tokens = parse_status_text("cc @Alice@Example.COM.");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].kind == TokenKind::mention);
  CHECK(tokens[0].value == "Alice@Example.COM");
  CHECK(tokens[0].username == "Alice");
  CHECK(tokens[0].domain == "Example.COM");
  CHECK(tokens[0].begin == 3);
  CHECK(tokens[0].end == 21);
  CHECK(mention_handle(tokens[0]) == "alice@example.com");

  const std::vector<Token> local = parse_status_text("@bob");
  REQUIRE(local.size() == 1);
  CHECK(local[0].username == "bob");
  CHECK(local[0].domain.empty());
  CHECK(mention_handle(local[0]) == "bob");

  CHECK(mentions("@alice@bücher.example") == Strings{"alice@bücher.example"});
}

TEST_CASE("status text: a mention's domain may end in a port, but only a real one", "[status_text][mention]") {
  CHECK(mentions("@alice@localhost:8080 hi") == Strings{"alice@localhost:8080"});
  CHECK(mentions("(@alice@example.com:443)") == Strings{"alice@example.com:443"});
  CHECK(mentions("@bob@example.com: hello") == Strings{"bob@example.com"});
  CHECK(mentions("@bob@example.com:99999") == Strings{"bob@example.com"});
  CHECK(mentions("@bob@example.com:0") == Strings{"bob@example.com"});
  CHECK(mentions("@bob@example.com:12ab") == Strings{"bob@example.com"});
  CHECK(mentions("@bob:8080") == Strings{"bob"});
}

TEST_CASE("status text: e-mail addresses and other @ after a word are not mentions", "[status_text][mention]") {
  CHECK(mentions("write to a@b.c or alice@example.com").empty());
  CHECK(mentions("x=@alice").empty());
  CHECK(mentions("path/@alice").empty());
  CHECK(mentions("@").empty());
  CHECK(mentions("@ alice").empty());
  CHECK(mentions("@.alice").empty());
}

TEST_CASE("status text: a mention followed by @, an accented letter or :// is dropped", "[status_text][mention]") {
  CHECK(mentions("@josé").empty());
  CHECK(mentions("@alice@ hi").empty());
  CHECK(mentions("@alice://x").empty());
  // Ruby's scan goes on after the rejected "@alice", and the second @ follows a non-word character.
  CHECK(mentions("@alice@@bob") == Strings{"bob"});
}

TEST_CASE("status text: mentions with overlong domains are ignored", "[status_text][mention]") {
  const std::string label(70, 'a');
  const std::string domain = label + "." + label + "." + label + "." + label + ".example";
  CHECK(mentions("@alice@" + domain).empty());
  CHECK(mentions("@alice@" + domain.substr(domain.size() - 253)).size() == 1);
}

// ---- Hashtags -------------------------------------------------------------------------------------------------

TEST_CASE("status text: hashtags at the start of the text or after white space", "[status_text][hashtag]") {
  const std::vector<Token> tokens = parse_status_text("#tag and\n#other\t#third");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].value == "tag");
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 4);
  CHECK(tokens[1].value == "other");
  CHECK(tokens[2].value == "third");
  CHECK(hashtags("this is #ａｅｓｔｈｅｔｉｃ") == Strings{"ａｅｓｔｈｅｔｉｃ"});
  CHECK(hashtags("Hello toß #ruby") == Strings{"ruby"});
  CHECK(hashtags("Hello #rubyOnRails, bye") == Strings{"rubyOnRails"});
  CHECK(hashtags("full width ＃タグ") == Strings{"タグ"});
  CHECK(hashtags("テスト　#タグ") == Strings{"タグ"});
}

TEST_CASE("status text: hashtag names take digits, underscores and inner separators", "[status_text][hashtag]") {
  CHECK(hashtags("hello #3d") == Strings{"3d"});
  CHECK(hashtags("hello #l33ts35k") == Strings{"l33ts35k"});
  CHECK(hashtags("hello #world2016") == Strings{"world2016"});
  CHECK(hashtags("hello #_test") == Strings{"_test"});
  CHECK(hashtags("hello #test_") == Strings{"test_"});
  CHECK(hashtags("hello #one_two_three") == Strings{"one_two_three"});
  CHECK(hashtags("hello #one·two·three") == Strings{"one·two·three"});
  CHECK(hashtags("testing #ぼっち・ざ・ろっく") == Strings{"ぼっち・ざ・ろっく"});
  CHECK(hashtags("just add #نرم\u200Cافزار and") == Strings{"نرم\u200Cافزار"});
  CHECK(hashtags("hello #one·two·three·") == Strings{"one·two·three"});
  CHECK(hashtags("#tag, #tag. #tag!") == Strings{"tag", "tag", "tag"});
}

TEST_CASE("status text: purely numeric and misplaced hashtags are not hashtags", "[status_text][hashtag]") {
  CHECK(hashtags("#1").empty());
  CHECK(hashtags("hello #0123456").empty());
  CHECK(hashtags("foo#bar").empty());
  CHECK(hashtags("hello #·one·two·three").empty());
  CHECK(hashtags("#").empty());
  CHECK(hashtags("# tag").empty());
  CHECK(hashtags("##tag").empty());
  // Mastodon wants white space (or the start) before the #, so punctuation does not do.
  CHECK(hashtags("(#tag)").empty());
}

TEST_CASE("status text: a hashtag run into a link gives up the scheme", "[status_text][hashtag]") {
  const std::vector<Token> tokens = parse_status_text("#foohttps://example.com");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].kind == TokenKind::hashtag);
  CHECK(tokens[0].value == "foo");
  CHECK(tokens[0].end == 4);
  CHECK(hashtags("#barhttp://example.com") == Strings{"bar"});
  CHECK(hashtags("#https://example.com") == Strings{"https"});
}

// ---- Custom emoji ---------------------------------------------------------------------------------------------

TEST_CASE("status text: custom emoji shortcodes are reported, at least two characters long", "[status_text][emoji]") {
  const std::vector<Token> tokens = parse_status_text(":blobcat: hi :a: :ok_hand:\n:Party2:");
  CHECK(emoji(":blobcat: hi :a: :ok_hand:\n:Party2:") == Strings{"blobcat", "ok_hand", "Party2"});
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 9);
  CHECK(emoji("(:blob:)") == Strings{"blob"});
  CHECK(emoji("日本:blob:").empty());
  CHECK(emoji("a:blob: :blob:b :blob::cat: 1:blob:").empty());
  CHECK(emoji(":blob-cat: :blob cat:").empty());
}

TEST_CASE("status text: custom emoji are found inside links too, as Mastodon scans for them separately",
          "[status_text][emoji]") {
  const std::vector<Token> tokens = parse_status_text("https://example.com/:blob:/x");
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].kind == TokenKind::url);
  CHECK(tokens[1].kind == TokenKind::custom_emoji);
  CHECK(tokens[1].value == "blob");
}

TEST_CASE("status text: distinct shortcodes are listed once, in order", "[status_text][emoji]") {
  CHECK(custom_emoji_shortcodes(parse_status_text(":b1: :a1: :b1: :B1:")) == Strings{"b1", "a1", "B1"});
}

// ---- Everything together, UTF-8 -------------------------------------------------------------------------------

TEST_CASE("status text: tokens of every kind come in order with byte ranges into the text", "[status_text]") {
  const std::string text = "日本 @alice: see https://example.com/x #tag :blob:";
  const std::vector<Token> tokens = parse_status_text(text);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].kind == TokenKind::mention);
  CHECK(tokens[1].kind == TokenKind::url);
  CHECK(tokens[2].kind == TokenKind::hashtag);
  CHECK(tokens[3].kind == TokenKind::custom_emoji);
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "@alice");
  CHECK(tokens[0].begin == 7);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "https://example.com/x");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "#tag");
  CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == ":blob:");
}

TEST_CASE("status text: ill-formed UTF-8 never ends up inside a token and never breaks one up",
          "[status_text][utf8]") {
  CHECK(mentions("\xFF@alice \xC3") == Strings{"alice"});
  CHECK(hashtags("#ta\xFFg") == Strings{"ta"});
  CHECK(hashtags("\xFF#tag").empty());  // what precedes the # is not white space
  CHECK(urls("https://example.com/a\xFF" "b") == Strings{"https://example.com/a"});
  CHECK(urls("https://exa\xC3mple.com/").empty());
  CHECK(emoji("\xE2\x82:blob:\xF0") == Strings{"blob"});
  // An overlong "@" (0xC0 0x80) is not an @.
  CHECK(mentions("\xC0\x80" "alice").empty());
  for (const Token& token : parse_status_text("\xF4\x90\x80\x80 #tag\xED\xA0\x80 @bob\xC3\x28 https://e.com/\xE0\x80")) {
    CHECK(is_well_formed_utf8(token.value));
  }
}

TEST_CASE("status text: random bytes and random mixes of token characters neither crash nor give bad tokens",
          "[status_text][fuzz]") {
  std::mt19937 random(20240611);
  const std::vector<std::string> pieces = {
      "@",  "#",  ":",   "/",  ".",    "-",   "_",  "(",       ")",  "?",  "=",   "&",    " ",  "\n",   "\r\n",
      "a",  "Z",  "0",   "9",  "é",    "ß",   "・", "·",       "＃", "＠", "日",  "😀",   "\xFF", "\xC3", "\xE2\x82",
      "xn--", "com", "http", "https://", "://", "example.com", "@bob@example.com:8080", "#tag", ":blob:", "\u200C",
      "\u3000", "\xF4\x90\x80\x80", "\xED\xA0\x80", std::string(1, '\0')};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 64);
    for (int i = 0; i < length; ++i) {
      if (round % 2 == 0) {
        text.push_back(static_cast<char>(random() & 0xFF));
      } else {
        text += pieces[random() % pieces.size()];
      }
    }
    const std::vector<Token> tokens = parse_status_text(text);
    std::size_t previous_begin = 0;
    std::size_t previous_entity_end = 0;
    for (const Token& token : tokens) {
      REQUIRE(token.begin < token.end);
      REQUIRE(token.end <= text.size());
      REQUIRE(token.begin >= previous_begin);
      previous_begin = token.begin;
      REQUIRE(is_well_formed_utf8(token.value));
      if (token.kind != TokenKind::custom_emoji) {
        REQUIRE(token.begin >= previous_entity_end);
        previous_entity_end = token.end;
      }
      const std::string_view source = std::string_view(text).substr(token.begin, token.end - token.begin);
      REQUIRE(source.find(token.value) != std::string_view::npos);
    }
    StatusHtmlOptions options;
    options.resolve_mention = [](std::string_view handle) {
      return std::optional<MentionLink>(MentionLink{"https://example.com/@" + std::string(handle), "x"});
    };
    options.hashtag_url = [](std::string_view tag) { return "https://example.com/tags/" + std::string(tag); };
    const std::string html = render_status_html(text, options);
    REQUIRE(is_well_formed_utf8(html));
    REQUIRE(html.find('\n') == std::string::npos);
    REQUIRE(count_status_characters(text) >= 0);
  }
}

TEST_CASE("status text: long adversarial inputs are scanned in linear time", "[status_text][fuzz]") {
  const std::vector<std::string> inputs = {
      "https://" + repeat("a.", 25000) + "zz",
      "https://example.com/" + repeat("(a", 25000),
      "https://example.com/" + repeat("a(b(c)d)", 6000) + repeat(".", 5000),
      "https://example.com/?" + repeat("!", 50000),
      repeat("https://", 6000),
      repeat("https://a.com/", 3500),
      "#" + repeat("a\u00B7", 25000),
      repeat(" #1", 15000),
      "@" + repeat("a.", 25000),
      "@a@" + repeat("b-", 25000),
      repeat("@a", 25000),
      ":" + repeat("a", 50000),
      repeat(":ab", 15000),
      repeat("\xF0\x9F", 25000),
  };
  const auto started = std::chrono::steady_clock::now();
  for (const std::string& input : inputs) {
    const std::vector<Token> tokens = parse_status_text(input);
    CHECK(tokens.size() <= input.size());
    CHECK(count_status_characters(input) > 0);
    CHECK_FALSE(render_status_html(input, StatusHtmlOptions{}).empty());
  }
  // About a second in a sanitised debug build on an idle machine; scanning any of these in quadratic time would
  // take minutes. The bound is loose because CI runs tests in parallel.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
}
