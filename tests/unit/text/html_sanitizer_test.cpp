#include "text/html_sanitizer.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdlib>
#include <initializer_list>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "text/gumbo_nodes.hpp"
#include "text/html_fragment_parser.hpp"
#include "text/remote_html_input.hpp"
#include "text/remote_link_protocols.hpp"
#include "text/unicode_cleanup.hpp"

// What assert() calls, declared by <assert.h> only without NDEBUG.
extern "C" [[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned int line,
                                           const char* function) noexcept;

using namespace vmst::text;
using namespace std::string_literals;

namespace {

constexpr std::string_view kAddedLinkAttributes = R"( rel="nofollow noopener" target="_blank")";

std::string lowercase(std::string text) {
  for (char& ch : text) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return text;
}

// Joins pieces by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string&&.
std::string concat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (std::string_view piece : pieces) out.append(piece);
  return out;
}

std::string repeat(std::string_view unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(unit);
  return out;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code_point = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code_point = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code_point = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code_point = lead & 0x07;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      if ((byte & 0xC0) != 0x80) return false;
      code_point = (code_point << 6) | (byte & 0x3F);
    }
    static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code_point < kSmallest[length] || code_point > 0x10FFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    i += length;
  }
  return true;
}

// True when every tag in `html` is closed by the matching end tag in order (br being the only void element the
// sanitiser writes). Any "<" in sanitiser output starts a tag, since text has "<" escaped.
bool tags_are_balanced(std::string_view html) {
  std::vector<std::string> open;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    const std::size_t end = html.find('>', at);
    if (end == std::string_view::npos) return false;
    std::string_view tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    const std::string name(tag.substr(0, tag.find(' ')));
    if (closing) {
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
    } else if (name != "br") {
      open.push_back(name);
    }
  }
  return open.empty();
}

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> values) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool attribute_allowed(std::string_view tag, std::string_view name) {
  if (name == "lang") return true;
  if (tag == "a") return is_one_of(name, {"href", "rel", "class", "translate", "target"});
  if (tag == "span") return is_one_of(name, {"class", "translate"});
  if (tag == "p") return name == "class";
  if (tag == "ol") return is_one_of(name, {"start", "reversed"});
  if (tag == "li") return name == "value";
  return false;
}

bool class_allowed(std::string_view name) {
  for (std::string_view prefix : {"h-", "p-", "u-", "dt-", "e-"}) {
    if (name.substr(0, prefix.size()) == prefix) return true;
  }
  return is_one_of(name, {"mention", "hashtag", "ellipsis", "invisible", "quote-inline"});
}

// Parses sanitiser output as a browser would and lists whatever Mastodon's strict config does not allow: an
// independent check written from the config, not from the sanitiser's code.
std::vector<std::string> disallowed_markup(const std::string& html) {
  std::vector<std::string> problems;
  const ParsedHtmlFragment fragment = ParsedHtmlFragment::parse(html);
  if (!fragment.complete()) return {"output did not parse"};
  std::vector<std::pair<const GumboVector*, unsigned>> pending{{&fragment.nodes(), 0}};
  while (!pending.empty()) {
    auto& [nodes, next] = pending.back();
    if (next == nodes->length) {
      pending.pop_back();
      continue;
    }
    const GumboNode& node = node_at(*nodes, next++);
    if (node.type == GUMBO_NODE_COMMENT) problems.push_back("comment");
    if (!is_element(node)) continue;
    const GumboElement& element = node.v.element;
    const std::string tag = gumbo_normalized_tagname(element.tag);
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML ||
        !is_one_of(tag, {"p",      "br", "span", "a",  "del", "s",  "pre", "blockquote", "code", "b",
                         "strong", "u",  "i",    "em", "ul",  "ol", "li",  "ruby",       "rt",   "rp"})) {
      problems.push_back(concat({"element ", tag}));
    }
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto& attribute = *static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const std::string_view name = attribute.name;
      const std::string_view value = attribute.value;
      if (!attribute_allowed(tag, name)) problems.push_back(concat({tag, "@", name}));
      if (name == "class") {
        std::string_view rest = value;
        while (!rest.empty()) {
          const std::string_view token = rest.substr(0, rest.find(' '));
          if (!class_allowed(token)) problems.push_back(concat({"class ", token}));
          rest.remove_prefix(std::min(rest.size(), token.size() + 1));
        }
      }
      if (name == "translate" && value != "no") problems.push_back(concat({"translate=", value}));
    }
    if (tag == "a") {
      const auto href = attribute_value(node, "href");
      if (!href || !is_allowed_remote_link(*href)) problems.push_back(concat({"href ", href.value_or("")}));
      if (attribute_value(node, "rel") != "nofollow noopener") problems.push_back("a without Mastodon's rel");
      if (attribute_value(node, "target") != "_blank") problems.push_back("a without target=_blank");
    }
    pending.emplace_back(&element.children, 0);
  }
  return problems;
}

std::string kept_link(std::string_view href, std::string_view text) {
  std::string html = "<a href=\"";
  html += href;
  html += '"';
  html += kAddedLinkAttributes;
  html += '>';
  html += text;
  html += "</a>";
  return html;
}

}  // namespace

// ---- What Mastodon keeps --------------------------------------------------------------------------------------

TEST_CASE(
    "html sanitiser: Mastodon's mention and hashtag markup passes through, links getting Mastodon's rel and target",
    "[sanitizer][mastodon]") {
  const std::string input =
      R"(<p><span class="h-card"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a></span> hi )"
      R"(<a href="https://x.example/tags/t" class="mention hashtag" rel="tag">#<span>t</span></a></p>)";
  CHECK(sanitize_remote_html(input) ==
        R"(<p><span class="h-card"><a href="https://x.example/@a" class="u-url mention" rel="nofollow noopener" )"
        R"(target="_blank">@<span>a</span></a></span> hi <a href="https://x.example/tags/t" class="mention hashtag" )"
        R"(rel="nofollow noopener" target="_blank">#<span>t</span></a></p>)");
}

TEST_CASE("html sanitiser: Mastodon's shortened-link markup keeps its invisible and ellipsis spans",
          "[sanitizer][mastodon]") {
  const std::string input =
      R"(<p>see <a href="https://example.com/a/long/path" rel="nofollow noopener noreferrer" translate="no" )"
      R"(target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/lo</span>)"
      R"(<span class="invisible">ng/path</span></a></p>)";
  CHECK(sanitize_remote_html(input) ==
        R"(<p>see <a href="https://example.com/a/long/path" rel="nofollow noopener" translate="no" )"
        R"(target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/lo</span>)"
        R"(<span class="invisible">ng/path</span></a></p>)");
}

TEST_CASE("html sanitiser: sanitising Mastodon markup a second time changes nothing", "[sanitizer][mastodon]") {
  for (
      const std::string input : {
          R"(<p><span class="h-card" translate="no"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a></span> <a href="https://x.example/tags/t" class="mention hashtag" rel="tag">#<span>t</span></a></p>)",
          R"(<p>one<br>two</p><p>three &amp; &lt;four&gt; "five"</p>)",
          R"(<h2>Title</h2><ul><li>a<ol start="2" reversed=""><li value="7">b</li></ol></li></ul>)",
          R"(<blockquote><p>quoted <code>x &lt; y</code></p></blockquote><pre><code>int main() {}
</code></pre>)",
      }) {
    const std::string once = sanitize_remote_html(input);
    CHECK(sanitize_remote_html(once) == once);
  }
}

TEST_CASE("html sanitiser: headings become a paragraph of strong text, as in Mastodon", "[sanitizer][mastodon]") {
  CHECK(sanitize_remote_html("<h1>Foo</h1>") == "<p><strong>Foo</strong></p>");
  CHECK(sanitize_remote_html(R"(<h3 class="h-x" lang="de" id="t">Tit<em>el</em></h3>after)") ==
        R"(<p><strong lang="de">Tit<em>el</em></strong></p>after)");
  for (const char* tag : {"h1", "h2", "h3", "h4", "h5", "h6"}) {
    CHECK(sanitize_remote_html(concat({"<", tag, ">x</", tag, ">"})) == "<p><strong>x</strong></p>");
  }
}

TEST_CASE("html sanitiser: lists, quotes, code, deletions, ruby and inline emphasis are kept",
          "[sanitizer][mastodon]") {
  for (const std::string input : {
           "<p>Check out:</p><ul><li>Foo</li><li>Bar</li></ul>",
           "<blockquote><p>quote</p></blockquote>",
           "<pre><code>code\n  indented</code></pre>",
           "<p><b>b</b> <strong>strong</strong> <i>i</i> <em>em</em> <u>u</u> <s>s</s> <del>del</del></p>",
           "<p><ruby>明日 <rp>(</rp><rt>Ashita</rt><rp>)</rp></ruby></p>",
       }) {
    CHECK(sanitize_remote_html(input) == input);
  }
}

TEST_CASE("html sanitiser: nested lists keep their structure and their start, reversed and value attributes",
          "[sanitizer][mastodon]") {
  const std::string input =
      R"(<ol start="3" reversed=""><li value="4">Foo<ul><li>a</li><li>b<ol><li>deep</li></ol></li></ul></li>)"
      R"(<li>Bar</li></ol>)";
  CHECK(sanitize_remote_html(input) == input);
  CHECK(sanitize_remote_html(R"(<ul start="3" type="a"><li type="i" value="2">x</li></ul>)") ==
        R"(<ul><li value="2">x</li></ul>)");
}

TEST_CASE("html sanitiser: links without an href or with a scheme Mastodon does not allow become their text",
          "[sanitizer][mastodon][links]") {
  CHECK(sanitize_remote_html("<a>Test</a>") == "Test");
  CHECK(sanitize_remote_html(R"(<a><span class="invisible">foo&amp;</span><span>Test</span></a>)") == "foo&amp;Test");
  CHECK(sanitize_remote_html(R"(<a href="foo://bar">Test</a>)") == "Test");
  CHECK(sanitize_remote_html(R"(<a href="mailto:a@b.example">mail</a>)") == "mail");
  // Mastodon calls this one unparsable: the scheme is everything before the colon, leading space included.
  CHECK(sanitize_remote_html(R"(<a href=" https://google.fr">Test</a>)") == "Test");
  // Replaced by text, markup inside does not come back to life.
  CHECK(sanitize_remote_html(R"(<a href="foo://bar">Test&lt;a href="https://example.com"&gt;test&lt;/a&gt;</a>)") ==
        "Test&lt;a href=&quot;https://example.com&quot;&gt;test&lt;/a&gt;");
  CHECK(sanitize_remote_html(R"(<p><a href="foo:x"><b>bold</b> <script>alert(1)</script>text</a></p>)") ==
        "<p>bold text</p>");
}

TEST_CASE("html sanitiser: relative and protocol-relative links become their text", "[sanitizer][mastodon][links]") {
  for (const char* href : {"/users/a", "//evil.example/x", "#top", "?q=1", "users/a", "", "   "}) {
    INFO(href);
    CHECK(sanitize_remote_html(concat({"<a href=\"", href, "\">t</a>"})) == "t");
  }
}

TEST_CASE("html sanitiser: links with Mastodon's protocols are kept in any case, with or without a host",
          "[sanitizer][mastodon][links]") {
  for (const char* href : {"http://example.com", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM", "dat://x",
                           "dweb:/a/foo", "ipfs://bafy", "ipns://name", "ssb:%25abc", "gopher://g.example",
                           "xmpp:a@b.example", "magnet:?xt=urn:x", "gemini://g.example/"}) {
    INFO(href);
    CHECK(sanitize_remote_html(concat({"<a href=\"", href, "\">Test</a>"})) == kept_link(href, "Test"));
  }
}

TEST_CASE("html sanitiser: a link's own rel is replaced and its target forced to _blank",
          "[sanitizer][mastodon][links]") {
  CHECK(sanitize_remote_html(R"(<a href="https://a.example" target="_self" rel="me opener">x</a>)") ==
        R"(<a href="https://a.example" rel="nofollow noopener" target="_blank">x</a>)");
  CHECK(sanitize_remote_html(R"(<a rel="tag" href="https://a.example">x</a>)") ==
        R"(<a rel="nofollow noopener" href="https://a.example" target="_blank">x</a>)");
}

TEST_CASE("html sanitiser: translate is kept only as translate=\"no\"", "[sanitizer][mastodon]") {
  CHECK(sanitize_remote_html(R"(<a href="http://example.com" translate="no">Test</a>)") ==
        R"(<a href="http://example.com" translate="no" rel="nofollow noopener" target="_blank">Test</a>)");
  CHECK(sanitize_remote_html(R"(<a href="http://example.com" translate="foo">Test</a>)") ==
        kept_link("http://example.com", "Test"));
  CHECK(sanitize_remote_html(R"(<span translate="no">x</span><span translate="NO">y</span>)") ==
        R"(<span translate="no">x</span><span>y</span>)");
  CHECK(sanitize_remote_html(R"(<p translate="no">x</p>)") == "<p>x</p>");
}

TEST_CASE("html sanitiser: lang is kept on every kept element", "[sanitizer][mastodon]") {
  CHECK(sanitize_remote_html(R"(<p lang="fr">a <em lang="en">b</em><br lang="x"></p>)") ==
        R"(<p lang="fr">a <em lang="en">b</em><br lang="x"></p>)");
  CHECK(sanitize_remote_html(R"(<div lang="fr">a</div>)") == " a ");
}

TEST_CASE("html sanitiser: only microformats classes and Mastodon's semantic classes are kept",
          "[sanitizer][mastodon]") {
  CHECK(sanitize_remote_html(
            R"(<span class="h-card p-name u-url dt-published e-content mention hashtag ellipsis invisible )"
            R"(quote-inline evil btn H-card mentions x-h-card">x</span>)") ==
        R"(<span class="h-card p-name u-url dt-published e-content mention hashtag ellipsis invisible )"
        R"(quote-inline">x</span>)");
  CHECK(sanitize_remote_html("<span class=\"h-card\tmention\nu-url\f\r invisible\">x</span>") ==
        R"(<span class="h-card mention u-url invisible">x</span>)");
  CHECK(sanitize_remote_html(R"(<p class="quote-inline">RE: x</p>)") == R"(<p class="quote-inline">RE: x</p>)");
  // With nothing left the attribute goes (Mastodon would write class="").
  CHECK(sanitize_remote_html(R"(<span class="evil">x</span><p class="">y</p>)") == "<span>x</span><p>y</p>");
  // Only p, a and span may have classes at all.
  CHECK(sanitize_remote_html(R"(<b class="h-card">x</b><li class="mention">y</li>)") == "<b>x</b><li>y</li>");
}

TEST_CASE("html sanitiser: math with a TeX or plain-text annotation becomes that text, as in Mastodon",
          "[sanitizer][mastodon]") {
  const std::string tex = R"(<mrow><msup><mi>x</mi><mi>n</mi></msup><mo>+</mo><mi>y</mi></mrow>)"
                          R"(<annotation encoding="application/x-tex">x^n+y</annotation>)";
  CHECK(sanitize_remote_html(concat({"<math><semantics>", tex, "</semantics></math>"})) == "$x^n+y$");
  CHECK(sanitize_remote_html(concat({R"(<math display="block"><semantics>)", tex, "</semantics></math>"})) ==
        "$$x^n+y$$");
  CHECK(sanitize_remote_html(R"(<math><semantics><msqrt><mi>x</mi></msqrt>)"
                             R"(<annotation encoding="text/plain">sqrt(x)</annotation></semantics></math>)") ==
        "sqrt(x)");
  CHECK(sanitize_remote_html(R"(<math><semantics><msqrt><mi>x</mi></msqrt>)"
                             R"(<annotation encoding="text/plain">sqrt(x)</annotation>)"
                             R"(<annotation encoding="application/x-tex">\sqrt x</annotation></semantics></math>)") ==
        R"($\sqrt x$)");
  CHECK(sanitize_remote_html(R"(<math><semantics><mi>a</mi><annotation encoding="application/x-tex">a&lt;b)"
                             R"(</annotation></semantics></math>)") == "$a&lt;b$");
}

// ---- What goes ------------------------------------------------------------------------------------------------

TEST_CASE("html sanitiser: scripts, styles, embedded documents, templates, SVG and bare MathML go with their content",
          "[sanitizer][removal]") {
  for (const std::string dropped : {
           "<script>alert(1)</script>",
           "<script src=\"https://evil.example/x.js\"></script>",
           "<style>p { color: red }</style>",
           "<iframe src=\"https://evil.example\">fallback</iframe>",
           "<object data=\"x.swf\"><param name=\"a\" value=\"b\">fallback</object>",
           "<embed src=\"x.swf\">",
           "<applet code=\"x\">fallback</applet>",
           "<noscript><b>enable js</b></noscript>",
           "<noembed>n</noembed>",
           "<noframes>n</noframes>",
           "<template><b>t</b></template>",
           "<svg><a href=\"https://x.example\"><text>t</text></a><script>alert(1)</script></svg>",
           "<math><mi>x</mi><mo>+</mo></math>",
           "<math><semantics><mi>x</mi><annotation encoding=\"text/html\">x</annotation></semantics></math>",
           "<title>t</title>",
           "<frameset><frame src=\"x\"></frameset>",
       }) {
    INFO(dropped);
    CHECK(sanitize_remote_html(concat({"<p>a", dropped, "b</p>"})) == "<p>ab</p>");
  }
  // These two close an open paragraph, as any block does.
  CHECK(sanitize_remote_html("a<xmp><b>x</b></xmp>b") == "ab");
  CHECK(sanitize_remote_html("a<plaintext>everything after <b>is text</b>") == "a");
}

TEST_CASE("html sanitiser: other elements go but their text stays", "[sanitizer][removal]") {
  CHECK(sanitize_remote_html("<p><font color=red>red</font> <small>s</small> <sup>2</sup> <abbr title=t>A</abbr>"
                             "<img src=x alt=alt> <custom-el>c</custom-el></p>") == "<p>red s 2 A c</p>");
  CHECK(sanitize_remote_html("<table><tr><td>a</td><td>b</td></tr></table>") == "ab");
  CHECK(sanitize_remote_html("<form action=x><input value=v><button>go</button><textarea>t</textarea></form>") ==
        "got");
  CHECK(sanitize_remote_html("<body onload=\"alert(1)\"><html><head><p>x</p>") == "<p>x</p>");
}

TEST_CASE("html sanitiser: block elements Mastodon drops leave spaces so that words do not run together",
          "[sanitizer][removal]") {
  CHECK(sanitize_remote_html("a<div>b</div>c") == "a b c");
  CHECK(sanitize_remote_html("a<div></div>c") == "a c");
  CHECK(sanitize_remote_html("a<hr>c") == "a c");
  CHECK(sanitize_remote_html("<section><p>x</p></section><article>y</article>") == " <p>x</p>  y ");
  CHECK(sanitize_remote_html("<dl><dt>term</dt><dd>def</dd></dl>") == "  term  def  ");
}

TEST_CASE("html sanitiser: event handlers, style, id and every other attribute go", "[sanitizer][removal]") {
  CHECK(sanitize_remote_html(R"~(<p onclick="alert(1)" style="color:red" id="i" class="h-entry x" data-x="1" )~"
                             R"(title="t" dir="rtl" hidden>a</p>)") == R"(<p class="h-entry">a</p>)");
  CHECK(sanitize_remote_html(R"~(<a href="https://ok.example" onmouseover="alert(1)" OnClick="x" )~"
                             R"(style="position:fixed" download ping="https://t.example" name="n">ok</a>)") ==
        kept_link("https://ok.example", "ok"));
  CHECK(sanitize_remote_html(R"(<span onload=alert(1) tabindex=1 contenteditable>x</span>)") == "<span>x</span>");
  CHECK(sanitize_remote_html(R"(<ol start="1" onfocus="x" autofocus><li value="1" onclick="y">z</li></ol>)") ==
        R"(<ol start="1"><li value="1">z</li></ol>)");
}

TEST_CASE("html sanitiser: javascript: links are neutralised however they are obfuscated", "[sanitizer][links][xss]") {
  for (const std::string href : {
           "javascript:alert(1)",
           "JaVaScRiPt:alert(1)",
           "JAVASCRIPT:alert(1)",
           "java&#x09;script:alert(1)",
           "java&#9;script:alert(1)",
           "java&#x0A;script:alert(1)",
           "java&#x0D;script:alert(1)",
           "java\tscript:alert(1)",
           "java\nscript:alert(1)",
           "&#106;avascript:alert(1)",
           "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
           "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058"
           "alert(1)",
           "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
           "javascript&colon;alert(1)",
           "javascript&#58;alert(1)",
           "javascript&#x3a;alert(1)",
           "javascript&amp;#58;alert(1)",
           "  javascript:alert(1)",
           "&#x20;javascript:alert(1)",
           "\x01javascript:alert(1)",
           "&#1;javascript:alert(1)",
           "&#x0B;javascript:alert(1)",
           "java\x01script:alert(1)",
           "java&#0;script:alert(1)",
           "ja&Tab;vascript:alert(1)",
           "jav&NewLine;ascript:alert(1)",
           "javascript://%0Aalert(1)",
           "javascript:https://ok.example",
           "\xE2\x80\x8Bjavascript:alert(1)",
           "javas\xC2\xAD"
           "cript:alert(1)",
       }) {
    INFO(href);
    const std::string output = sanitize_remote_html(concat({"<a href=\"", href, "\">click</a>"}));
    CHECK(output == "click");
    CHECK(lowercase(output).find("javascript") == std::string::npos);
  }
  // Unquoted and single-quoted values are no different.
  CHECK(sanitize_remote_html("<a href=javascript:alert(1)>x</a>") == "x");
  CHECK(sanitize_remote_html("<a href='javascript:alert(1)'>x</a>") == "x");
  // An allowed scheme whose colon was written as a reference is decoded by the parser, so it is a real link.
  CHECK(sanitize_remote_html("<a href=\"https&#58;//ok.example\">x</a>") == kept_link("https://ok.example", "x"));
}

TEST_CASE("html sanitiser: data: and vbscript: links are neutralised", "[sanitizer][links][xss]") {
  for (const std::string href : {
           "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
           "DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
           " data:image/svg+xml,x",
           "d&#x61;ta:text/html,x",
           "vbscript:msgbox(1)",
           "VBScript:msgbox(1)",
           "vb&#x09;script:msgbox(1)",
           "livescript:x",
           "mocha:x",
           "file:///etc/passwd",
           "about:blank",
           "blob:https://x.example/uuid",
       }) {
    INFO(href);
    CHECK(sanitize_remote_html(concat({"<a href=\"", href, "\">click</a>"})) == "click");
  }
}

TEST_CASE("html sanitiser: hostile inputs from the XSS filter evasion repertoire leave only allowed markup",
          "[sanitizer][xss]") {
  // Written after the patterns of OWASP's XSS Filter Evasion Cheat Sheet, plus mutation-XSS shapes.
  const std::vector<std::string> hostile = {
      R"(<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>)",
      R"(<IMG SRC="javascript:alert('XSS');">)",
      R"(<IMG SRC=JaVaScRiPt:alert('XSS')>)",
      R"(<IMG SRC=`javascript:alert("RSnake says, 'XSS'")`>)",
      R"~(<a onmouseover="alert(document.cookie)">xxs link</a>)~",
      R"(<a onmouseover=alert(document.cookie)>xxs link</a>)",
      R"(<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>)",
      R"~(<IMG SRC=# onmouseover="alert('xxs')">)~",
      R"~(<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>)~",
      R"(<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">)",
      "<IMG SRC=\"jav\tascript:alert('XSS');\">",
      R"(<IMG SRC=" &#14;  javascript:alert('XSS');">)",
      R"(<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>)",
      R"(<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS")>)",
      R"(<<SCRIPT>alert("XSS");//\<</SCRIPT>)",
      R"(<SCRIPT SRC=https://xss.example/xss.js?< B >)",
      R"(<SCRIPT SRC=//xss.example/.j>)",
      R"~(<IMG SRC="`<javascript:alert>`('XSS')")~",
      R"(<iframe src=https://xss.example/scriptlet.html <)",
      R"(\";alert('XSS');//)",
      R"(</TITLE><SCRIPT>alert("XSS");</SCRIPT>)",
      R"(<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">)",
      R"~(<BODY BACKGROUND="javascript:alert('XSS')">)~",
      R"~(<IMG DYNSRC="javascript:alert('XSS')">)~",
      R"~(<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>)~",
      R"(<svg/onload=alert('XSS')>)",
      R"(<BGSOUND SRC="javascript:alert('XSS');">)",
      R"(<LINK REL="stylesheet" HREF="javascript:alert('XSS');">)",
      R"(<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">)",
      R"(<IFRAME SRC="javascript:alert('XSS');"></IFRAME>)",
      R"(<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>)",
      R"~(<TABLE BACKGROUND="javascript:alert('XSS')"><TD BACKGROUND="javascript:alert('XSS')">)~",
      R"~(<DIV STYLE="background-image: url(javascript:alert('XSS'))">)~",
      R"(<DIV STYLE="width: expression(alert('XSS'));">)",
      R"(<BASE HREF="javascript:alert('XSS');//">)",
      R"(<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>)",
      R"(<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv">)",
      R"(<SCRIPT a=">" SRC="https://xss.example/xss.js"></SCRIPT>)",
      R"(<A HREF="http://66.102.7.147/">XSS</A><A HREF="javascript:document.location='https://xss.example/'">XSS</A>)",
      R"~(<p style="background:url(javascript:alert(1))">x</p>)~",
      R"~(<a href="https://x.example/&quot;onmouseover=&quot;alert(1)">x</a>)~",
      R"(<a href='https://x.example/' onmouseover='alert(1)'>x</a>)",
      R"~(<a href="https://x.example/"/onmouseover="alert(1)">x</a>)~",
      R"(<noscript><p title="</noscript><img src=x onerror=alert(1)>">)",
      R"(<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>)",
      R"(<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>)",
      R"(<svg><style><img src=x onerror=alert(1)></style></svg>)",
      R"(<svg><p><style><img src=x onerror=alert(1)></style></p></svg>)",
      R"(<template><script>alert(1)</script></template>)",
      R"(<!--<img src=x onerror=alert(1)>-->)",
      R"(<!--><img src=x onerror=alert(1)>-->)",
      R"(<![CDATA[<img src=x onerror=alert(1)>]]>)",
      R"(<?xml version="1.0"?><img src=x onerror=alert(1)>)",
      R"~(<a href="javascript:alert(1)"><a href="https://ok.example">ok</a></a>)~",
      R"~(<a href="https://ok.example"><table><td><a href="javascript:alert(1)">x</a></td></table></a>)~",
      R"~(<span class="h-card" onclick="alert(1)" style="display:none">x</span>)~",
      R"(<p><b><i><u>unclosed <a href="https://ok.example" title="x>y">x)",
      R"(<xmp><script>alert(1)</script></xmp>)",
      R"(<textarea><script>alert(1)</script></textarea>)",
      R"(<select><option><script>alert(1)</script></option></select>)",
      R"(<isindex type=image src=1 onerror=alert(1)>)",
      R"(<details open ontoggle=alert(1)>)",
      R"~(<video><source onerror="alert(1)">)~",
      R"(<iframe srcdoc="<script>alert(1)</script>"></iframe>)",
      R"~(<a href="https://ok.example" xlink:href="javascript:alert(1)">x</a>)~",
      R"~(<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>)~",
      R"~(<math href="javascript:alert(1)">CLICKME</math>)~",
      R"~(<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICKME</maction></math>)~",
      R"(<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>)",
      R"(<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>)",
      R"~(<a href="vbscript:msgbox(1)">x</a>)~",
      R"(<meta charset="x-imap4-modified-utf7">+ADw-script+AD4-alert(1)+ADw-/script+AD4-)",
      R"(<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>)",
      "<scr\x00ipt>alert(1)</scr\x00ipt>"s,
      "<a href=\"jav\x00"
      "ascript:alert(1)\">x</a>"s,
  };
  for (const std::string& input : hostile) {
    INFO(input);
    const std::string output = sanitize_remote_html(input);
    INFO(output);
    CHECK(disallowed_markup(output).empty());
    CHECK(tags_are_balanced(output));
    CHECK(is_valid_utf8(output));
    CHECK(sanitize_remote_html(output) == output);
    const std::string lowered = lowercase(output);
    CHECK(lowered.find("<script") == std::string::npos);
    CHECK(lowered.find("<img") == std::string::npos);
    CHECK(lowered.find("<svg") == std::string::npos);
    CHECK(lowered.find("<style") == std::string::npos);
    CHECK(lowered.find("href=\"javascript") == std::string::npos);
    CHECK(lowered.find("href=\"data") == std::string::npos);
    CHECK(lowered.find("href=\"vbscript") == std::string::npos);
    CHECK_FALSE(std::regex_search(lowered, std::regex(R"([\s"'/]on[a-z]+\s*=)")));
    CHECK(lowered.find("style=") == std::string::npos);
  }
}

// ---- Well-formed output ---------------------------------------------------------------------------------------

TEST_CASE("html sanitiser: text and attribute values are escaped, both quote characters included",
          "[sanitizer][escaping]") {
  CHECK(sanitize_remote_html(R"(<p>a &lt; b &amp;&amp; c &gt; "d" 'e'</p>)") ==
        "<p>a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;</p>");
  CHECK(sanitize_remote_html("1 < 2 > 0 & done") == "1 &lt; 2 &gt; 0 &amp; done");
  CHECK(sanitize_remote_html(R"(<a href="https://x.example/?a=1&amp;b='2'&quot;&lt;x&gt;">q</a>)") ==
        kept_link("https://x.example/?a=1&amp;b=&#39;2&#39;&quot;&lt;x&gt;", "q"));
  CHECK(sanitize_remote_html(R"(<span lang='"><script>'>x</span>)") ==
        R"(<span lang="&quot;&gt;&lt;script&gt;">x</span>)");
  CHECK(sanitize_remote_html(R"(<ol start="1&quot; onclick=&quot;x"><li>i</li></ol>)") ==
        R"(<ol start="1&quot; onclick=&quot;x"><li>i</li></ol>)");
}

TEST_CASE("html sanitiser: character references are decoded and written back as UTF-8 text", "[sanitizer][escaping]") {
  CHECK(sanitize_remote_html("caf&eacute; &#x2764; &#128512; &copy;&nbsp;x &amp;amp;") ==
        "café ❤ 😀 ©\xC2\xA0x &amp;amp;");
  CHECK(sanitize_remote_html("&zzz; &#xZZ; & &amp") == "&amp;zzz; &amp;#xZZ; &amp; &amp;");
  // Legacy references without a semicolon are decoded in text, as browsers do.
  CHECK(sanitize_remote_html("&notit; &copy2024") == "¬it; ©2024");
}

TEST_CASE("html sanitiser: unclosed and misnested tags produce balanced output", "[sanitizer][structure]") {
  CHECK(sanitize_remote_html("<p>unclosed") == "<p>unclosed</p>");
  CHECK(sanitize_remote_html("<p><b>bold<i>both</b>italic</p>") == "<p><b>bold<i>both</i></b><i>italic</i></p>");
  CHECK(sanitize_remote_html("<ul><li>one<li>two") == "<ul><li>one</li><li>two</li></ul>");
  CHECK(sanitize_remote_html("text</p>more") == "text<p></p>more");
  CHECK(sanitize_remote_html("</span></a></b>x") == "x");
  CHECK(sanitize_remote_html(R"(<a href="https://a.example">one<a href="https://b.example">two)") ==
        kept_link("https://a.example", "one") + kept_link("https://b.example", "two"));
  CHECK(sanitize_remote_html("<p>a<p>b") == "<p>a</p><p>b</p>");
  CHECK(sanitize_remote_html("<b><p>x</b>y</p>") == "<b></b><p><b>x</b>y</p>");
  CHECK(sanitize_remote_html("<span title=\"unterminated>x") == "");
  for (const std::string input : {"<em><strong>x</em></strong>", "<blockquote><p>a<li>b</blockquote>c",
                                  "<ol><li><ul><li><p>x</ol>y", "<a href=\"https://x\"><p>block in link</a>"}) {
    INFO(input);
    CHECK(tags_are_balanced(sanitize_remote_html(input)));
  }
}

TEST_CASE("html sanitiser: nesting a browser would rearrange is left out, so the output parses back the same",
          "[sanitizer][structure]") {
  // Gumbo's tree has such nesting only across removed elements (button, table cells, object) that bound the
  // parser's scopes; written out without them, a browser would close or move elements.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<h1><p>para</p></h1>", "<p><strong>para</strong></p>"},
      {"<p><button><h2>t</h2></button></p>", "<p><strong>t</strong></p>"},
      {"<p><button><ul><li>x</li></ul><blockquote>q</blockquote><pre>p</pre></button></p>", "<p>xqp</p>"},
      {"<ul><li><button><li>inner</li></button></li></ul>", "<ul><li>inner</li></ul>"},
      {"<ul><li>a<ol><li>b</li></ol></li></ul>", "<ul><li>a<ol><li>b</li></ol></li></ul>"},
      {R"(<a href="https://a.example"><table><td><a href="https://b.example">b</a></td></table></a>)",
       kept_link("https://a.example", "b")},
      {"<ruby>x<rt><button><rt>y</rt></button></rt></ruby>", "<ruby>x<rt>y</rt></ruby>"},
      {"<pre>\n\nkept newline</pre>", "<pre>\n\nkept newline</pre>"},
      {"<pre>no newline</pre>", "<pre>no newline</pre>"},
      {"a&#13;b", "a&#13;b"},
  };
  for (const auto& [input, expected] : cases) {
    INFO(input);
    const std::string output = sanitize_remote_html(input);
    CHECK(output == expected);
    CHECK(sanitize_remote_html(output) == output);
  }
}

TEST_CASE("html sanitiser: comments, doctypes and processing instructions leave nothing", "[sanitizer][removal]") {
  CHECK(sanitize_remote_html("a<!-- comment -->b<!DOCTYPE html>c<?php echo 1 ?>d<!--unterminated") == "abcd");
}

TEST_CASE("html sanitiser: empty, whitespace-only and text-only input", "[sanitizer][structure]") {
  CHECK(sanitize_remote_html("") == "");
  CHECK(sanitize_remote_html(" \n ") == " \n ");
  CHECK(sanitize_remote_html("just text") == "just text");
  CHECK(html_to_plain_text("") == "");
}

// ---- Limits and hostile bytes ---------------------------------------------------------------------------------

TEST_CASE("html sanitiser: 100,000 nested elements neither crash nor nest the output beyond 256 levels",
          "[sanitizer][limits]") {
  const std::string input = concat({repeat("<span>", 100'000), "deep", repeat("</span>", 100'000)});
  const std::string output = sanitize_remote_html(input);
  CHECK(output == concat({repeat("<span>", 256), "deep", repeat("</span>", 256)}));
  CHECK(html_to_plain_text(input) == "deep");

  const std::string unclosed = repeat("<em>", 100'000) + "deep";
  const std::string unclosed_output = sanitize_remote_html(unclosed);
  CHECK(tags_are_balanced(unclosed_output));
  CHECK((unclosed_output.empty() || unclosed_output.find("deep") != std::string::npos));
}

TEST_CASE("html sanitiser: input that would take gumbo too long to parse gives empty output, quickly",
          "[sanitizer][limits]") {
  // Each pattern makes gumbo 0.10 scan a stack or list that grows with the input: seconds to minutes at 1 MiB.
  // The bound on the time only catches a budget that is not applied at all: the parse is abandoned after 500 ms of
  // its thread's CPU time or 2 s on the wall clock, whichever comes first, and a loaded machine may add to that.
  for (const std::string unit : {"<div>", "<ul><li>", "<b>x", "<i a=1><b a=2>x"}) {
    INFO(unit);
    const std::string input = repeat(unit, (1u << 20) / unit.size());
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(parse_remote_html(input).complete());
    CHECK(sanitize_remote_html(input) == "");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(15));
  }
  CHECK(html_to_plain_text(repeat("<div>", (1u << 20) / 5)) == "");
  std::string attributes = "<span";
  for (int i = 0; attributes.size() < (1u << 20) - 8; ++i) attributes.append(" a").append(std::to_string(i));
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(parse_remote_html(attributes + ">x").complete());
  CHECK(sanitize_remote_html(attributes + ">x") == "");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(15));
}

TEST_CASE("html sanitiser: input on which gumbo fails an assertion gives empty output instead of ending the process",
          "[sanitizer][limits]") {
  for (const char* input :
       {"<table><math><mi><![CDATA[x]]>y", "<table><svg><desc><![CDATA[x]]> ", "a<table><math><mi><![CDATA[x]]>y"}) {
    INFO(input);
    CHECK(sanitize_remote_html(input) == "");
    CHECK(html_to_plain_text(input) == "");
    CHECK(sanitize_remote_html("<p>still <b>works</b></p>") == "<p>still <b>works</b></p>");
  }
}

TEST_CASE("html sanitiser: threads sanitising at once, some of them abandoning parses, do not disturb each other",
          "[sanitizer][limits]") {
  const std::string ordinary = R"(<p>Hello <a href="https://x.example">x</a></p>)";
  const std::string expected = concat({"<p>Hello ", kept_link("https://x.example", "x"), "</p>"});
  const std::string too_slow = repeat("<div>", (1u << 20) / 5);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        if (sanitize_remote_html(ordinary) != expected) ++mismatches[t];
        if (sanitize_remote_html("<table><math><mi><![CDATA[x]]>y") != "") ++mismatches[t];
        if (t == 0 && i == 0 && sanitize_remote_html(too_slow) != "") ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

// Whether such a parse also fits the default time budget depends on the machine, so it is measured rather than
// asserted: bench/remote_html_bench.cpp (docs/benchmarks.md). Here the time budget is out of the way, as a slow or
// loaded machine running a sanitizer build would otherwise abandon the parse.
TEST_CASE("html input: 1 MiB of ordinary markup is parsed in full within the default memory budget",
          "[sanitizer][limits]") {
  const std::string unit =
      R"(<p>Text with a <a href="https://example.com/p" class="mention">link</a> &amp; <b>bold</b>.</p>)";
  const size_t units = kMaxRemoteHtmlBytes / unit.size();
  HtmlParseBudget no_time_limit;
  no_time_limit.time = std::chrono::hours(1);
  const ParsedHtmlFragment fragment = parse_remote_html(repeat(unit, units), no_time_limit);
  REQUIRE(fragment.complete());
  REQUIRE(fragment.nodes().length == units);
  const GumboNode& last = node_at(fragment.nodes(), static_cast<unsigned>(units - 1));
  CHECK(is_html_element(last, GUMBO_TAG_P));
  CHECK(text_content(last) == "Text with a link & bold.");
}

TEST_CASE("html sanitiser: input beyond 1 MiB is cut off at a character boundary", "[sanitizer][limits]") {
  CHECK(sanitize_remote_html(std::string(3u << 20, 'a')) == std::string(kMaxRemoteHtmlBytes, 'a'));
  const std::string accents = repeat("é", kMaxRemoteHtmlBytes);  // two bytes each: the cut falls on a boundary
  CHECK(sanitize_remote_html(concat({"a", accents})) == concat({"a", repeat("é", (kMaxRemoteHtmlBytes - 1) / 2)}));
  const std::string output = sanitize_remote_html(concat({"ab", repeat("😀", kMaxRemoteHtmlBytes / 4 + 1)}));
  CHECK(is_valid_utf8(output));
  CHECK(output.size() == kMaxRemoteHtmlBytes - 2);
}

TEST_CASE("html sanitiser: invalid UTF-8 is replaced, in text and in attributes", "[sanitizer][utf8]") {
  CHECK(sanitize_remote_html("a\xFF b\xC3\x28 c\xE2\x82") == "a\uFFFD b\uFFFD( c\uFFFD");
  CHECK(sanitize_remote_html("overlong \xC0\xAF surrogate \xED\xA0\x80 too big \xF4\x90\x80\x80") ==
        "overlong \uFFFD\uFFFD surrogate \uFFFD\uFFFD\uFFFD too big \uFFFD\uFFFD\uFFFD\uFFFD");
  CHECK(sanitize_remote_html("<a href=\"https://x.example/\xFE\">\x80</a>") ==
        kept_link("https://x.example/\uFFFD", "\uFFFD"));
  CHECK(sanitize_remote_html("<span lang=\"\xC3\">\xF0\x9F\x98</span>") == "<span lang=\"\uFFFD\">\uFFFD</span>");
  std::string every_byte;
  for (int byte = 0; byte < 256; ++byte) every_byte += static_cast<char>(byte);
  CHECK(is_valid_utf8(sanitize_remote_html(every_byte + every_byte)));
  CHECK(is_valid_utf8(html_to_plain_text(every_byte)));
}

TEST_CASE("html sanitiser: control characters and noncharacters go, also when written as character references",
          "[sanitizer][utf8]") {
  CHECK(sanitize_remote_html("a\x01\x08\x0B\x1F\x7F\xC2\x80\xC2\x9F\xEF\xB7\x90\xEF\xBF\xBE\xF4\x8F\xBF\xBF"
                             "b") == "ab");
  CHECK(sanitize_remote_html("tab\tnl\ncr\rff\f.") == "tab\tnl\ncr\nff\f.");
  CHECK(sanitize_remote_html("a&#1;&#x7F;&#xFDD0;&#xFFFF;&#x10FFFE;b") == "ab");
  // Gumbo decodes &#0; and surrogates to U+FFFD, and &#x80;–&#x9F; by the windows-1252 table, as browsers do.
  CHECK(sanitize_remote_html("&#0;&#xD800;&#x80;") == "\uFFFD\uFFFD€");
  CHECK(sanitize_remote_html(std::string("a\0b", 3)) == "ab");
}

// ---- Plain text -----------------------------------------------------------------------------------------------

TEST_CASE("html to plain text: drops inline tags", "[plain-text]") {
  CHECK(html_to_plain_text("<b>Lorem</b> <em>ipsum</em>") == "Lorem ipsum");
}

TEST_CASE("html to plain text: turns paragraphs and br into single newlines", "[plain-text]") {
  CHECK(html_to_plain_text("<p>Lorem</p><p>ipsum</p>") == "Lorem\nipsum");
  CHECK(html_to_plain_text("Lorem<br>ipsum") == "Lorem\nipsum");
  CHECK(html_to_plain_text("Lorem<br><br><br>ipsum") == "Lorem\nipsum");
  CHECK(html_to_plain_text("<p>a<br></p><p>b</p>") == "a\nb");
  CHECK(html_to_plain_text("<br><p>start</p><p>end</p><br>") == "start\nend");
  CHECK(html_to_plain_text("<p>a</p>\n  <p>b</p>\n") == "a\nb");
  CHECK(html_to_plain_text("<pre>line 1\nline 2</pre>") == "line 1\nline 2");
}

TEST_CASE("html to plain text: decodes character references", "[plain-text]") {
  CHECK(html_to_plain_text("Lorem &amp; ipsum &#x2764; &lt;b&gt; &quot;q&quot; &#39;s&#39;") ==
        "Lorem & ipsum ❤ <b> \"q\" 's'");
}

TEST_CASE("html to plain text: leaves out scripts, styles, comments and other dropped content", "[plain-text]") {
  CHECK(html_to_plain_text("Lorem <script> alert(\"Booh!\") </script>ipsum") == "Lorem ipsum");
  CHECK(html_to_plain_text("Lorem <!-- Booh! -->ipsum") == "Lorem ipsum");
  CHECK(html_to_plain_text("a<style>p{}</style><svg><text>s</text></svg><template>t</template>b") == "ab");
  CHECK(html_to_plain_text(R"(<math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation>)"
                           R"(</semantics></math>)") == "$x^2$");
}

TEST_CASE("html to plain text: keeps the text of links, hidden parts of shortened URLs included", "[plain-text]") {
  CHECK(html_to_plain_text(
            R"(<p>see <a href="https://example.com/a/long/path"><span class="invisible">https://</span>)"
            R"(<span class="ellipsis">example.com/a/lo</span><span class="invisible">ng/path</span></a></p>)") ==
        "see https://example.com/a/long/path");
  CHECK(html_to_plain_text(R"~(<a href="javascript:alert(1)">click</a> <a href="https://x.example">here</a>)~") ==
        "click here");
  CHECK(html_to_plain_text(
            R"(<p><span class="h-card"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a>)"
            R"(</span> hi</p>)") == "@a hi");
}

TEST_CASE("html to plain text: puts list items, headings and other blocks on their own lines", "[plain-text]") {
  CHECK(html_to_plain_text("<h1>Title</h1><ul><li>one</li><li>two</li></ul><blockquote>q</blockquote>") ==
        "Title\none\ntwo\nq");
  CHECK(html_to_plain_text("a<div>b</div>c") == "a\nb\nc");
}

TEST_CASE("html to plain text: is valid UTF-8 without control characters", "[plain-text]") {
  CHECK(html_to_plain_text("a\xFF\x01&#1;b") == "a\uFFFDb");
}

// ---- The pieces underneath ------------------------------------------------------------------------------------

TEST_CASE("html parser: a parse that runs out of time is abandoned with no nodes", "[html-parser][limits]") {
  const ParsedHtmlFragment fragment = ParsedHtmlFragment::parse("<p>x</p>", {std::chrono::milliseconds(-1)});
  CHECK_FALSE(fragment.complete());
  CHECK(fragment.nodes().length == 0);
}

TEST_CASE("html parser: a parse that runs out of memory is abandoned with no nodes", "[html-parser][limits]") {
  const ParsedHtmlFragment fragment =
      ParsedHtmlFragment::parse(repeat("<p>x</p>", 1000), {std::chrono::seconds(5), 4096});
  CHECK_FALSE(fragment.complete());
  CHECK(fragment.nodes().length == 0);
}

TEST_CASE("html parser: a failed assertion outside a parse still aborts the process", "[html-parser]") {
  ParsedHtmlFragment::parse("<table><math><mi><![CDATA[x]]>y");  // one that was abandoned
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::signal(SIGABRT, SIG_DFL);  // Catch's handler would report the abort as this test failing
    std::freopen("/dev/null", "w", stderr);
    __assert_fail("outside a parse", __FILE__, __LINE__, __func__);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);
}

TEST_CASE("html parser: a parse within budget gives the fragment's top-level nodes, surviving a move",
          "[html-parser]") {
  ParsedHtmlFragment parsed = ParsedHtmlFragment::parse("<p>x</p>text<custom-tag>y</custom-tag>");
  const ParsedHtmlFragment fragment = std::move(parsed);
  REQUIRE(fragment.complete());
  REQUIRE(fragment.nodes().length == 3);
  CHECK(is_html_element(node_at(fragment.nodes(), 0), GUMBO_TAG_P));
  CHECK(node_at(fragment.nodes(), 1).type == GUMBO_NODE_TEXT);
  CHECK(has_tag_name(node_at(fragment.nodes(), 2), "custom-tag"));
  CHECK(text_content(node_at(fragment.nodes(), 2)) == "y");
}

TEST_CASE("html links: link schemes are read as Mastodon reads them", "[links]") {
  CHECK(is_allowed_remote_link("https://x.example"));
  CHECK(is_allowed_remote_link("Gemini://x.example"));
  CHECK(is_allowed_remote_link("xmpp:user@x.example"));
  CHECK_FALSE(is_allowed_remote_link("https"));
  CHECK_FALSE(is_allowed_remote_link("/https://x.example"));
  CHECK_FALSE(is_allowed_remote_link("#https://x.example"));
  CHECK_FALSE(is_allowed_remote_link("https&#58;//x.example"));
  CHECK_FALSE(is_allowed_remote_link("https&#x003A;//x.example"));
  CHECK_FALSE(is_allowed_remote_link("httpsx://x.example"));
  CHECK_FALSE(is_allowed_remote_link("\thttps://x.example"));
  CHECK_FALSE(is_allowed_remote_link(""));
}

TEST_CASE("html input: UTF-8 cleanup replaces each maximal ill-formed subpart with one U+FFFD", "[utf8]") {
  CHECK(clean_utf8("plain ascii") == "plain ascii");
  CHECK(clean_utf8("\xE2\x82\xAC \xF0\x9F\x98\x80") == "€ 😀");
  CHECK(clean_utf8("\xE2\x82") == "\uFFFD");  // truncated three-byte sequence: one subpart
  CHECK(clean_utf8("\xE2\x82x") == "\uFFFDx");
  CHECK(clean_utf8("\xF0\x9F\x98") == "\uFFFD");
  CHECK(clean_utf8("\x80\xBF") == "\uFFFD\uFFFD");            // stray continuation bytes, one each
  CHECK(clean_utf8("\xE0\x80\x80") == "\uFFFD\uFFFD\uFFFD");  // overlong: E0 needs A0..BF next
  CHECK(clean_utf8("\xF5\x80") == "\uFFFD\uFFFD");
  CHECK(clean_utf8("\xEF\xBF\xBD") == "\uFFFD");        // U+FFFD itself stays
  CHECK(clean_utf8("\xC2\xA0\xC2\x85") == "\xC2\xA0");  // NBSP stays, NEL (a C1 control) goes
}
