#pragma once
// A migrated temporary database with helpers to make accounts, statuses and home-feed rows the way posting and
// federation will, for tests of what readers see.
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/migrations.hpp"
#include "store/status_store.hpp"
#include "support/temp_dir.hpp"

namespace vmst::testing {

class TimelineFixture {
 public:
  TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};

  TimelineFixture() { store::apply_migrations(db); }

  // A local account (with a user) without generating keys, which these tests do not need.
  int64_t local(const std::string& username) {
    store::NewLocalAccount a;
    a.account_id = store::next_id();
    a.user_id = store::next_id();
    a.username = username;
    a.email = username + "@example.test";
    a.password_hash = "x";
    a.role = "user";
    a.uri = "https://vmst.test/users/" + username;
    a.url = "https://vmst.test/@" + username;
    a.private_key_pem = "unused";
    a.created_at = 1'700'000'000'000;
    db.write([&](store::Connection& c) { store::insert_local_account(c, a); });
    return a.account_id;
  }

  int64_t remote(const std::string& username, const std::string& domain) {
    store::RemoteAccountRow r;
    r.uri = "https://" + domain + "/users/" + username;
    r.username = username;
    r.domain = domain;
    r.actor_type = "Person";
    r.inbox_url = r.uri + "/inbox";
    r.fetched_at = 1'700'000'000'000;
    return db.write([&](store::Connection& c) { return store::upsert_remote_account(c, r, store::next_id()); });
  }

  void follow(int64_t follower, int64_t target) {
    db.write([&](store::Connection& c) { store::insert_follow(c, store::next_id(), follower, target, std::nullopt, 1); });
  }

  // A status by `author`, put into the home feeds of `readers`. Returns its id.
  int64_t post(int64_t author, const std::string& html, const std::vector<int64_t>& readers = {},
               const std::string& visibility = "public") {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = "https://vmst.test/statuses/" + std::to_string(s.id);
    s.account_id = author;
    s.local = true;
    s.visibility = visibility;
    s.content = html;
    s.created_at = s.updated_at = store::id_time_millis(s.id);
    return insert(s, readers);
  }

  int64_t insert(const store::StatusRecord& s, const std::vector<int64_t>& readers) {
    db.write([&](store::Connection& c) {
      store::insert_status(c, s);
      for (int64_t reader : readers) feed(c, reader, s.id);
    });
    return s.id;
  }

  int64_t reblog(int64_t booster, int64_t original, const std::vector<int64_t>& readers) {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = "https://vmst.test/statuses/" + std::to_string(s.id) + "/activity";
    s.account_id = booster;
    s.local = true;
    s.reblog_of_id = original;
    s.created_at = s.updated_at = store::id_time_millis(s.id);
    return insert(s, readers);
  }

  // Raw SQL for what no store function writes yet (home-feed rows come from posting; blocks and mutes from the
  // accounts area).
  void sql(const std::string& statement) {
    db.write([&](store::Connection& c) { c.exec(statement); });
  }

 private:
  static void feed(store::Connection& c, int64_t reader, int64_t status_id) {
    auto& q = c.prepare("INSERT INTO home_feed (account_id, status_id) VALUES (?, ?)");
    q.bind(1, reader);
    q.bind(2, status_id);
    q.exec();
  }
};

}  // namespace vmst::testing
