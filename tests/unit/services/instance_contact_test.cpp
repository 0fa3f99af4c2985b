#include "services/instance_contact.hpp"

#include <catch2/catch.hpp>

#include "federation/local_urls.hpp"
#include "services/accounts.hpp"
#include "services/instance_info.hpp"
#include "services/service_error.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  Fixture() { store::apply_migrations(db); }
  int64_t account(const std::string& name, const std::string& role) {
    return services::create_local_account(db, urls, {name, name + "@example.org", std::string("password-1"), role})
        .account_id;
  }
};
}  // namespace

TEST_CASE("without a choice the contact is the first admin and the config's email", "[instance_contact]") {
  Fixture f;
  int64_t admin = f.account("boss", "admin");
  auto contact = services::instance_contact(f.db, "admin@social.example");
  REQUIRE(contact.account);
  CHECK(contact.account->id == admin);
  CHECK_FALSE(contact.account_chosen);
  CHECK(contact.email == "admin@social.example");
  CHECK_FALSE(services::load_instance_records(f.db).contact_email);
}

TEST_CASE("a chosen contact account and email replace the defaults in the instance records", "[instance_contact]") {
  Fixture f;
  f.account("boss", "admin");
  int64_t mod = f.account("helper", "moderator");
  auto contact = services::set_instance_contact(f.db, {std::string("@Helper"), std::string("team@social.example")}, "x@y.z");
  CHECK(contact.account->id == mod);
  CHECK(contact.email == "team@social.example");
  auto records = services::load_instance_records(f.db);
  CHECK(records.contact_account->id == mod);
  CHECK(records.contact_email == "team@social.example");

  // Empty values go back to the defaults.
  services::set_instance_contact(f.db, {std::string(""), std::string("")}, "x@y.z");
  records = services::load_instance_records(f.db);
  CHECK(records.contact_account->username == "boss");
  CHECK_FALSE(records.contact_email);
}

TEST_CASE("an unknown account or a malformed email is refused and nothing changes", "[instance_contact]") {
  Fixture f;
  f.account("boss", "admin");
  CHECK_THROWS_WITH(services::set_instance_contact(f.db, {std::string("nobody"), std::nullopt}, ""),
                    "--account: there is no local account \"nobody\"");
  for (const char* bad : {"not-an-email", "a@b", "a b@c.d", "@c.d", "a@@c.d"}) {
    INFO(bad);
    CHECK_THROWS_WITH(services::set_instance_contact(f.db, {std::string("boss"), std::string(bad)}, ""),
                      "--email: \"" + std::string(bad) + "\" is not an email address");
  }
  CHECK_FALSE(services::instance_contact(f.db, "").account_chosen);
  CHECK_THROWS_AS(services::set_instance_contact(f.db, {std::nullopt, std::nullopt}, ""), services::ServiceError);
}
