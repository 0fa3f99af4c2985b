#include "web/profile_page.hpp"

#include <catch2/catch.hpp>

#include "store/profile_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

struct PageFixture : testing::SocialFixture {
  app::Config config;
  PageFixture() { config.instance.domain = "vmst.test"; }
  web::RenderedHtml profile(const store::AccountRecord& account) {
    return web::render_profile_page(web::PublicPages{db, config, urls}, account, store::PageRange{});
  }
  void set_profile(const store::AccountRecord& a, const std::string& display_name, bool discoverable, bool indexable) {
    db.write([&](store::Connection& c) {
      store::update_profile(c, a.id,
                            store::ProfileRow{display_name, a.note, a.note_source, a.fields_json, a.locked, a.bot,
                                              discoverable, a.hide_collections, indexable},
                            1);
    });
  }
};

constexpr const char* kNoindex = "<meta name=\"robots\" content=\"noindex, noarchive\">";

}  // namespace

TEST_CASE("a profile is kept out of search engines unless its owner is discoverable and indexable", "[web_pages]") {
  PageFixture f;
  auto alice = f.local("alice");
  f.set_profile(alice, "Alice", false, false);
  CHECK(f.profile(f.reload(alice.id)).html.find(kNoindex) != std::string::npos);
  f.set_profile(alice, "Alice", true, false);
  CHECK(f.profile(f.reload(alice.id)).html.find(kNoindex) != std::string::npos);
  f.set_profile(alice, "Alice", false, true);
  CHECK(f.profile(f.reload(alice.id)).html.find(kNoindex) != std::string::npos);
  f.set_profile(alice, "Alice", true, true);
  auto page = f.profile(f.reload(alice.id));
  CHECK(page.status == 200);
  CHECK(page.html.find(kNoindex) == std::string::npos);
  CHECK(page.html.find("name=\"robots\"") == std::string::npos);
}

TEST_CASE("a profile escapes a hostile display name in the page and its preview tags", "[web_pages]") {
  PageFixture f;
  auto mallory = f.local("mallory");
  f.set_profile(mallory, "\"><script>x()</script>", true, true);
  auto html = f.profile(f.reload(mallory.id)).html;
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<meta property=\"og:title\" content=\"&quot;&gt;&lt;script&gt;x()&lt;/script&gt; "
                  "(@mallory@vmst.test)\">") != std::string::npos);
  CHECK(html.find("<h1>&quot;&gt;&lt;script&gt;x()&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("a suspended account's page is only a notice", "[web_pages]") {
  PageFixture f;
  auto carol = f.local("carol");
  carol.suspended_at = 1;
  carol.note = "<p>bio that must not show</p>";
  auto page = f.profile(carol);
  CHECK(page.status == 403);
  CHECK(page.html.find("This account has been suspended.") != std::string::npos);
  CHECK(page.html.find("bio that must not show") == std::string::npos);
  CHECK(page.html.find(kNoindex) != std::string::npos);
}
