#include "services/accounts.hpp"

#include <catch2/catch.hpp>

#include "crypto/password_hash.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using services::ServiceError;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  Fixture() { store::apply_migrations(db); }

  std::string stored_hash(const std::string& username) {
    return db.read([&](store::Connection& c) {
      auto& q = c.prepare("SELECT u.password_hash FROM users u JOIN accounts a ON a.id = u.account_id WHERE a.username = ?");
      q.bind(1, username);
      q.executeStep();
      return q.getColumn(0).getString();
    });
  }
};

ServiceError::Kind error_kind(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.kind();
  }
  FAIL("expected a ServiceError");
  return ServiceError::Kind::Unavailable;
}
}  // namespace

TEST_CASE("usernames follow Mastodon's rule", "[accounts]") {
  CHECK(services::valid_username("alice"));
  CHECK(services::valid_username("Alice_2"));
  CHECK(services::valid_username("a.b-c"));
  CHECK_FALSE(services::valid_username(""));
  CHECK_FALSE(services::valid_username(".alice"));
  CHECK_FALSE(services::valid_username("alice-"));
  CHECK_FALSE(services::valid_username("al ice"));
  CHECK_FALSE(services::valid_username("alice@example"));
  CHECK_FALSE(services::valid_username(std::string(31, 'a')));
}

TEST_CASE("a created account gets a generated password, keys and Mastodon-style ids", "[accounts]") {
  Fixture f;
  auto created = services::create_local_account(f.db, f.urls, {"alice", "alice@example.org", std::nullopt, "admin"});
  CHECK(created.password_generated);
  CHECK(created.password.size() == 24);
  CHECK(crypto::verify_password(f.stored_hash("alice"), created.password));

  auto row = f.db.read([&](store::Connection& c) {
    auto& q = c.prepare("SELECT uri, inbox_url, public_key_id, public_key_pem, private_key_pem, domain FROM accounts WHERE id = ?");
    q.bind(1, created.account_id);
    REQUIRE(q.executeStep());
    return std::vector<std::string>{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                    q.getColumn(3).getString(), q.getColumn(4).getString(),
                                    q.getColumn(5).isNull() ? "NULL" : q.getColumn(5).getString()};
  });
  CHECK(row[0] == "https://social.example/users/alice");
  CHECK(row[1] == "https://social.example/users/alice/inbox");
  CHECK(row[2] == "https://social.example/users/alice#main-key");
  CHECK(row[3].rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);
  CHECK(row[4].rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);
  CHECK(row[5] == "NULL");

  auto listed = services::list_local_accounts(f.db);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].role == "admin");
  CHECK(listed[0].email == "alice@example.org");
}

TEST_CASE("a given password is kept, and a too-short one refused", "[accounts]") {
  Fixture f;
  auto created = services::create_local_account(f.db, f.urls, {"bob", "bob@example.org", std::string("hunter2hunter2"), "user"});
  CHECK_FALSE(created.password_generated);
  CHECK(crypto::verify_password(f.stored_hash("bob"), "hunter2hunter2"));
  CHECK(error_kind([&] { services::create_local_account(f.db, f.urls, {"carol", "c@example.org", std::string("short"), "user"}); }) ==
        ServiceError::Kind::Invalid);
}

TEST_CASE("usernames and emails are unique regardless of case", "[accounts]") {
  Fixture f;
  services::create_local_account(f.db, f.urls, {"alice", "alice@example.org", std::nullopt, "user"});
  CHECK(error_kind([&] { services::create_local_account(f.db, f.urls, {"ALICE", "other@example.org", std::nullopt, "user"}); }) ==
        ServiceError::Kind::Conflict);
  CHECK(error_kind([&] { services::create_local_account(f.db, f.urls, {"alice2", "Alice@Example.org", std::nullopt, "user"}); }) ==
        ServiceError::Kind::Conflict);
  CHECK(error_kind([&] { services::create_local_account(f.db, f.urls, {"bad name", "x@example.org", std::nullopt, "user"}); }) ==
        ServiceError::Kind::Invalid);
  CHECK(error_kind([&] { services::create_local_account(f.db, f.urls, {"dave", "not-an-email", std::nullopt, "user"}); }) ==
        ServiceError::Kind::Invalid);
  CHECK(services::list_local_accounts(f.db).size() == 1);
}

TEST_CASE("resetting a password replaces the hash and revokes tokens", "[accounts]") {
  Fixture f;
  auto created = services::create_local_account(f.db, f.urls, {"alice", "alice@example.org", std::nullopt, "user"});
  f.db.write([&](store::Connection& c) {
    auto& q = c.prepare("INSERT INTO oauth_access_tokens (id, user_id, token_hash, scopes, created_at) VALUES (1, ?, 'h', 'read', 0)");
    q.bind(1, created.user_id);
    q.exec();
  });
  std::string fresh = services::reset_password(f.db, "Alice", std::nullopt);
  CHECK(fresh != created.password);
  CHECK(crypto::verify_password(f.stored_hash("alice"), fresh));
  CHECK_FALSE(crypto::verify_password(f.stored_hash("alice"), created.password));
  bool revoked = f.db.read([](store::Connection& c) {
    auto& q = c.prepare("SELECT revoked_at IS NOT NULL FROM oauth_access_tokens WHERE id = 1");
    q.executeStep();
    return q.getColumn(0).getInt() == 1;
  });
  CHECK(revoked);
  CHECK(error_kind([&] { services::reset_password(f.db, "nobody", std::nullopt); }) == ServiceError::Kind::NotFound);
}
