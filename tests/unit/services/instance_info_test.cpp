#include "services/instance_info.hpp"

#include <catch2/catch.hpp>

#include "services/accounts.hpp"
#include "services/preferences.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  Fixture() { store::apply_migrations(db); }

  void exec(const std::string& sql) {
    db.write([&](store::Connection& c) { c.exec(sql); });
  }
  void remote_account(int id, const std::string& domain) {
    exec("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (" + std::to_string(id) +
         ", 'someone', '" + domain + "', 'https://" + domain + "/users/" + std::to_string(id) + "', 0, 0)");
  }
};
}  // namespace

TEST_CASE("peers are the servers we know, without blocked ones or their subdomains", "[instance]") {
  Fixture f;
  f.remote_account(1, "b.example");
  f.remote_account(2, "a.example");
  f.remote_account(3, "spam.bad.example");
  f.remote_account(4, "localhost:3000");
  f.exec("INSERT INTO instances (domain, first_seen_at) VALUES ('c.example', 0), ('A.example', 0)");
  f.exec("INSERT INTO domain_blocks (domain, severity, created_at, updated_at) VALUES ('bad.example', 'silence', 0, 0)");
  CHECK(services::instance_peers(f.db) == std::vector<std::string>{"a.example", "b.example", "c.example", "localhost:3000"});
  // The same counts as NodeInfo: the domain count includes blocked servers, as Mastodon's does.
  CHECK(services::load_instance_records(f.db).usage.known_domains == 5);
}

TEST_CASE("the contact account is the first admin, and rules come in their order", "[instance]") {
  Fixture f;
  CHECK_FALSE(services::load_instance_records(f.db).contact_account);
  services::create_local_account(f.db, f.urls, {"user1", "u1@example.org", std::string("password-1"), "user"});
  auto admin = services::create_local_account(f.db, f.urls, {"boss", "boss@example.org", std::string("password-2"), "admin"});
  services::create_local_account(f.db, f.urls, {"boss2", "boss2@example.org", std::string("password-3"), "admin"});
  f.exec("INSERT INTO instance_rules (id, position, text, hint, created_at, updated_at) VALUES"
         " (10, 2, 'Second', '', 0, 0), (11, 1, 'First', 'hint', 0, 0)");
  auto records = services::load_instance_records(f.db);
  REQUIRE(records.contact_account);
  CHECK(records.contact_account->id == admin.account_id);
  REQUIRE(records.rules.size() == 2);
  CHECK(records.rules[0].text == "First");
  CHECK(records.rules[0].hint == "hint");
  CHECK(records.rules[1].id == 10);
  CHECK(records.usage.total_users == 3);
}

TEST_CASE("user-facing domain blocks leave out noop blocks and list silences before suspensions", "[instance]") {
  Fixture f;
  f.exec("INSERT INTO domain_blocks (domain, severity, public_comment, obfuscate, created_at, updated_at) VALUES"
         " ('z.example', 'silence', '', 0, 0, 0), ('a.example', 'suspend', 'spam', 1, 0, 0),"
         " ('m.example', 'noop', '', 0, 0, 0), ('b.example', 'silence', '', 0, 0, 0)");
  auto blocks = services::public_domain_blocks(f.db);
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].domain == "b.example");
  CHECK(blocks[1].domain == "z.example");
  CHECK(blocks[2].domain == "a.example");
  CHECK(blocks[2].obfuscate);
  CHECK(blocks[2].public_comment == "spam");
}

TEST_CASE("instance pages are Markdown rendered safely, with the domain filled in", "[instance]") {
  Fixture f;
  CHECK_FALSE(services::instance_page(f.db, services::kPrivacyPolicyPage, "social.example"));
  f.exec("INSERT INTO instance_pages (slug, title, markdown, updated_at) VALUES ('privacy_policy', 'Privacy',"
         " '# Privacy at %{domain}\n\nWe keep *little*. <script>alert(1)</script> [x](javascript:alert(1))', 1700000000000)");
  auto page = services::instance_page(f.db, services::kPrivacyPolicyPage, "social.example");
  REQUIRE(page);
  CHECK(page->updated_at == 1700000000000);
  CHECK(page->html.find("<h1>Privacy at social.example</h1>") != std::string::npos);
  CHECK(page->html.find("<em>little</em>") != std::string::npos);
  CHECK(page->html.find("<script>") == std::string::npos);
  CHECK(page->html.find("javascript:") == std::string::npos);
}

TEST_CASE("preferences default to Mastodon's and read the user's settings", "[instance]") {
  auto defaults = services::parse_preferences("{}");
  CHECK(defaults.default_visibility == "public");
  CHECK_FALSE(defaults.default_sensitive);
  CHECK_FALSE(defaults.default_language);
  CHECK(defaults.expand_media == "default");
  CHECK_FALSE(defaults.expand_spoilers);

  auto set = services::parse_preferences(
      R"({"default_privacy":"unlisted","default_sensitive":true,"default_language":"de","display_media":"show_all","expand_spoilers":true})");
  CHECK(set.default_visibility == "unlisted");
  CHECK(set.default_sensitive);
  CHECK(set.default_language == "de");
  CHECK(set.expand_media == "show_all");
  CHECK(set.expand_spoilers);

  auto odd = services::parse_preferences(R"({"default_privacy":"everyone","default_sensitive":"yes"})");
  CHECK(odd.default_visibility == "public");
  CHECK_FALSE(odd.default_sensitive);
  CHECK(services::parse_preferences("not json").default_visibility == "public");
}
