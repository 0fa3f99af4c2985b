#pragma once
// A migrated database in a temporary folder with one local account whose key signs deliveries, for the delivery
// tests.
#include <string>

#include "crypto/http_signature_test_keys.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

namespace vmst::testing {

struct DeliveryFixture {
  TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  int64_t alice = 0;

  DeliveryFixture() {
    store::apply_migrations(db);
    alice = store::next_id();
    db.write([&](store::Connection& c) {
      store::NewLocalAccount a{};
      a.account_id = alice;
      a.user_id = store::next_id();
      a.username = "alice";
      a.email = "alice@social.example";
      a.password_hash = "x";
      a.role = "user";
      a.uri = "https://social.example/users/alice";
      a.inbox_url = a.uri + "/inbox";
      a.public_key_id = a.uri + "#main-key";
      a.public_key_pem = test_keys::kMastodonStylePublicKey;
      a.private_key_pem = test_keys::kMastodonStylePrivateKey;
      a.created_at = 1;
      store::insert_local_account(c, a);
    });
  }

  int64_t count(const std::string& sql) {
    return db.read([&](store::Connection& c) {
      auto& q = c.prepare(sql);
      q.executeStep();
      return q.getColumn(0).getInt64();
    });
  }
};

}  // namespace vmst::testing
