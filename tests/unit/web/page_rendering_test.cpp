#include <catch2/catch.hpp>

#include "convert/mastodon/domain_block.hpp"
#include "convert/mastodon/status_bundle.hpp"
#include "crypto/encoding.hpp"
#include "web/moderated_servers_page.hpp"
#include "web/page_layout.hpp"
#include "web/status_card.hpp"

using namespace vmst;

namespace {

const federation::LocalUrls kUrls{"https://vmst.test"};

convert::mastodon::StatusBundle one_status_bundle(const std::string& display_name, const std::string& content) {
  convert::mastodon::StatusBundle bundle;
  store::AccountRecord author;
  author.id = 7;
  author.username = "mallory";
  author.display_name = display_name;
  author.uri = "https://vmst.test/users/mallory";
  bundle.accounts.emplace(author.id, author);
  store::StatusRecord status;
  status.id = 42;
  status.account_id = author.id;
  status.local = true;
  status.uri = "https://vmst.test/users/mallory/statuses/42";
  status.content = content;
  status.spoiler_text = "<b>spoiler</b> & \"quotes\"";
  bundle.statuses.emplace(status.id, status);
  return bundle;
}

}  // namespace

TEST_CASE("a status card escapes a hostile display name and content warning but keeps the stored HTML",
          "[web_pages]") {
  auto bundle = one_status_bundle("<script>alert(1)</script>\"><img src=x onerror=alert(2)>", "<p>Hello <a href=\"https://x.test/\">x</a></p>");
  std::string html = web::render_status_card(bundle, 42, kUrls, "vmst.test");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<img src=x") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;spoiler&lt;/b&gt; &amp; &quot;quotes&quot;") != std::string::npos);
  CHECK(html.find("<p>Hello <a href=\"https://x.test/\">x</a></p>") != std::string::npos);
  CHECK(html.find("href=\"https://vmst.test/@mallory/42\"") != std::string::npos);
  CHECK(html.find("<details class=\"content-warning\">") != std::string::npos);
}

TEST_CASE("a status card of a status missing from the bundle is empty", "[web_pages]") {
  auto bundle = one_status_bundle("m", "<p>x</p>");
  CHECK(web::render_status_card(bundle, 43, kUrls, "vmst.test").empty());
}

TEST_CASE("the page frame escapes titles and descriptions inside attributes and writes the preview tags",
          "[web_pages]") {
  web::PageMeta meta;
  meta.title = "#<tag>\" onmouseover=\"x";
  meta.description = "a \"quoted\" <b>description</b>";
  meta.canonical_url = "https://vmst.test/tags/x";
  meta.image_url = "https://vmst.test/a.png";
  std::string html = web::render_page({"Site & <Co>", "https://vmst.test"}, meta, "<p>body</p>");
  CHECK(html.find("<title>#&lt;tag&gt;&quot; onmouseover=&quot;x - Site &amp; &lt;Co&gt;</title>") != std::string::npos);
  CHECK(html.find("content=\"a &quot;quoted&quot; &lt;b&gt;description&lt;/b&gt;\"") != std::string::npos);
  CHECK(html.find("onmouseover=\"x") == std::string::npos);
  CHECK(html.find("<link rel=\"canonical\" href=\"https://vmst.test/tags/x\">") != std::string::npos);
  CHECK(html.find("<meta property=\"og:image\" content=\"https://vmst.test/a.png\">") != std::string::npos);
  CHECK(html.find("<meta name=\"twitter:card\" content=\"summary\">") != std::string::npos);
  CHECK(html.find("<p>body</p>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
}

TEST_CASE("the page frame carries noindex only when asked", "[web_pages]") {
  web::PageMeta meta;
  meta.title = "t";
  CHECK(web::render_page({"S", "https://vmst.test"}, meta, "").find("noindex") == std::string::npos);
  meta.noindex = true;
  CHECK(web::render_page({"S", "https://vmst.test"}, meta, "")
            .find("<meta name=\"robots\" content=\"noindex, noarchive\">") != std::string::npos);
}

TEST_CASE("moderated servers show obfuscated domains starred with the digest of the real name", "[web_pages]") {
  std::vector<store::PublicDomainBlock> blocks = {
      {"hidden-server.example", "suspend", "spam <b>waves</b>", true},
      {"open.example", "silence", "", false},
  };
  std::string html = web::render_moderated_servers(blocks);
  CHECK(html.find("hidden-server.example") == std::string::npos);
  CHECK(html.find(convert::mastodon::public_domain("hidden-server.example", true)) != std::string::npos);
  CHECK(html.find(crypto::hex_encode(crypto::sha256("hidden-server.example"))) != std::string::npos);
  CHECK(html.find("spam &lt;b&gt;waves&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("open.example") != std::string::npos);
  CHECK(html.find(crypto::hex_encode(crypto::sha256("open.example"))) == std::string::npos);
  CHECK(html.find("No reason given") != std::string::npos);
  // Suspended servers are listed before limited ones.
  CHECK(html.find("hidden-") == std::string::npos);
  CHECK(html.find("id=\"suspended\"") < html.find("id=\"limited\""));
}

TEST_CASE("summaries fold whitespace and cut at a character count with an ellipsis", "[web_pages]") {
  CHECK(web::summary_text("  a \n b  ") == "a b");
  CHECK(web::summary_text("ééééé", 3) == "ééé…");
  CHECK(web::summary_text("abc", 3) == "abc");
}

TEST_CASE("a status card draws the custom emoji of its name, content warning and text, and only known ones",
          "[web_pages][emoji]") {
  auto bundle = one_status_bundle("<b>Mal</b> :blob:", "<p>I :blob: you :nope:</p>");
  bundle.statuses.at(42).spoiler_text = "cw :blob:";
  store::CustomEmojiRecord blob;
  blob.shortcode = "blob";
  blob.image_path = "custom_emojis/blob.png";
  store::CustomEmojiRecord script = blob;
  script.shortcode = "nope";
  script.image_path.reset();
  script.image_remote_url = "javascript:alert(1)";
  bundle.emojis[42] = {blob, script};
  bundle.account_emojis[7] = {blob};
  std::string html = web::render_status_card(bundle, 42, kUrls, "vmst.test");
  const std::string image = "<img draggable=\"false\" class=\"emojione custom-emoji\" alt=\":blob:\" title=\":blob:\" src=\"" +
                            kUrls.media_file("custom_emojis/blob.png") + "\">";
  CHECK(html.find("&lt;b&gt;Mal&lt;/b&gt; " + image) != std::string::npos);
  CHECK(html.find("<p>I " + image + " you :nope:</p>") != std::string::npos);
  CHECK(html.find("cw " + image) != std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
}
