#include "services/instance_pages.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "services/instance_info.hpp"
#include "services/service_error.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  Fixture() { store::apply_migrations(db); }
};

std::string invalid_message(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const services::ServiceError& e) {
    if (e.kind() == services::ServiceError::Kind::Invalid) return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("page names map to the slugs the API reads, with dashed and slug forms accepted", "[instance_pages]") {
  CHECK(services::instance_page_kind("about").slug == services::kAboutPage);
  CHECK(services::instance_page_kind("privacy").slug == services::kPrivacyPolicyPage);
  CHECK(services::instance_page_kind("privacy-policy").slug == services::kPrivacyPolicyPage);
  CHECK(services::instance_page_kind("terms_of_service").slug == services::kTermsOfServicePage);
  CHECK(services::instance_page_kind("ai-policy").slug == "ai_policy");
  auto message = invalid_message([] { services::instance_page_kind("abuot"); });
  CHECK(message.find("unknown page \"abuot\"") != std::string::npos);
  CHECK(message.find("about, privacy, terms") != std::string::npos);
}

TEST_CASE("a page set from Markdown is what the API renders, and can be replaced and removed", "[instance_pages]") {
  Fixture f;
  services::set_instance_page(f.db, "about", "# Hello %{domain}\n\nWe *talk*.", std::nullopt);
  auto page = services::instance_page(f.db, services::kAboutPage, "social.example");
  REQUIRE(page);
  CHECK(page->html.find("<h1>Hello social.example</h1>") != std::string::npos);
  CHECK(services::find_instance_page(f.db, "about").title == "About");

  services::set_instance_page(f.db, "about", "Second version", std::string("Who we are"));
  auto pages = services::list_instance_pages(f.db);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].name == "about");
  CHECK(pages[0].page.title == "Who we are");
  CHECK(pages[0].page.markdown == "Second version");

  services::remove_instance_page(f.db, "about");
  CHECK_FALSE(services::instance_page(f.db, services::kAboutPage, "x"));
  CHECK_THROWS_AS(services::remove_instance_page(f.db, "about"), services::ServiceError);
  CHECK_THROWS_AS(services::find_instance_page(f.db, "terms"), services::ServiceError);
}

TEST_CASE("empty, non-UTF-8 or oversized page text and blank titles are refused", "[instance_pages]") {
  Fixture f;
  CHECK(invalid_message([&] { services::set_instance_page(f.db, "about", " \n ", std::nullopt); }) ==
        "the page text is empty");
  CHECK(invalid_message([&] { services::set_instance_page(f.db, "about", "caf\xe9", std::nullopt); }) ==
        "the page text is not UTF-8 text");
  CHECK(invalid_message([&] {
          services::set_instance_page(f.db, "about", std::string(services::kPageMarkdownLimit + 1, 'a'), std::nullopt);
        }).find("too long") != std::string::npos);
  CHECK(invalid_message([&] { services::set_instance_page(f.db, "about", "text", std::string(" ")); }) ==
        "the title is blank");
  CHECK(services::list_instance_pages(f.db).empty());
}
