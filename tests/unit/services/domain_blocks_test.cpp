// Domain blocks as services/domain_blocks applies them: what suspend severs, tells, purges and sends; what silence
// limits; how lifting a block undoes it; and how a block list is checked before anything is applied.
#include <catch2/catch.hpp>
#include <map>

#include "services/domain_blocks.hpp"
#include "services/domain_purge.hpp"
#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "store/account_store.hpp"
#include "store/domain_block_store.hpp"
#include "store/follow_store.hpp"
#include "store/notification_store.hpp"
#include "store/relationship_severance_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;
using services::ServiceError;

namespace {

struct Blocks : testing::SocialFixture {
  store::AccountRecord alice = local("alice"), bob = local("bob");
  store::AccountRecord troll = remote("troll", "bad.example");
  store::AccountRecord sub = remote("sub", "social.bad.example:8443");
  store::AccountRecord friendly = remote("friend", "good.example");

  int64_t post(const store::AccountRecord& author) {
    store::StatusRecord s;
    s.id = store::next_id();
    s.uri = author.uri + "/statuses/" + std::to_string(s.id);
    s.account_id = author.id;
    s.local = author.local();
    s.visibility = "public";
    s.created_at = s.updated_at = 1;
    db.write([&](store::Connection& c) { store::insert_status(c, s); });
    return s.id;
  }
  bool exists(int64_t account_id) {
    return db.read([&](store::Connection& c) { return store::find_account(c, account_id).has_value(); });
  }
  services::DomainBlockOutcome block(const std::string& domain, const std::string& severity) {
    services::DomainBlockOutcome out;
    services::DomainBlockInput input;
    input.domain = domain;
    input.severity = severity;
    write([&](store::Connection& c, services::Outbox& outbox) {
      out = services::apply_domain_block(c, outbox, input, 5000);
    });
    // The purge a suspension starts runs after the block commits, as the CLI runs it.
    if (out.purge_started) {
      auto purged = services::run_pending_purges(db, dir.path() / "media");
      out.accounts_purged = purged.accounts;
      out.statuses_purged = purged.statuses;
    }
    return out;
  }
  bool suspended(const std::string& host) {
    return db.read([&](store::Connection& c) { return store::refuses_federation_with(c, host); });
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

TEST_CASE("block domains are normalised to a lower-case host without port, wildcard or trailing dot", "[domain_blocks]") {
  CHECK(services::normalize_block_domain("Threads.NET") == "threads.net");
  CHECK(services::normalize_block_domain(" bad.example:8443 ") == "bad.example");
  CHECK(services::normalize_block_domain("*.bsky.brid.gy") == "bsky.brid.gy");
  CHECK(services::normalize_block_domain("example.com.") == "example.com");
  CHECK(services::normalize_block_domain("127.0.0.4") == "127.0.0.4");
}

TEST_CASE("anything but a host name is refused with the reason", "[domain_blocks]") {
  for (const char* bad : {"", "https://threads.net/", "bad..example", "-bad.example", "bad example", "bad_x.com",
                          "exämple.com", "bad.example:port"}) {
    INFO(bad);
    CHECK(error_kind([&] { services::normalize_block_domain(bad); }) == ServiceError::Kind::Invalid);
  }
  CHECK(error_kind([] { services::check_severity("ban"); }) == ServiceError::Kind::Invalid);
}

TEST_CASE("a block covers subdomains and ports but not look-alike names", "[domain_blocks]") {
  Blocks b;
  b.block("bad.example", "suspend");
  CHECK(b.suspended("bad.example"));
  CHECK(b.suspended("social.bad.example:8443"));
  CHECK_FALSE(b.suspended("notbad.example"));
  CHECK_FALSE(b.suspended("good.example"));
}

TEST_CASE("suspending a domain severs follows both ways, tells the other side and notifies the local users",
          "[domain_blocks]") {
  Blocks b;
  b.write([&](store::Connection& c, services::Outbox& outbox) {
    services::follow(c, outbox, b.alice, b.troll, {}, 1000);  // a request to a remote account
    services::accept_outgoing_follow(c, b.alice, b.troll, 1100);
    services::record_incoming_follow(c, b.sub, b.alice, std::string("https://social.bad.example:8443/follows/1"), 1200);
    services::record_incoming_follow(c, b.troll, b.bob, std::string("https://bad.example/follows/2"), 1300);
    services::record_incoming_follow(c, b.friendly, b.bob, std::string("https://good.example/follows/3"), 1400);
  });
  REQUIRE(b.reload(b.alice.id).followers_count == 1);
  REQUIRE(b.reload(b.alice.id).following_count == 1);
  b.delivered.clear();

  auto outcome = b.block("bad.example", "suspend");
  CHECK(outcome.created);
  CHECK(outcome.follows_severed == 3);
  CHECK(outcome.users_notified == 2);
  CHECK(outcome.accounts_purged == 2);

  // One Undo for alice's follow, one Reject for each remote follower: sent before the block closed the door.
  auto types = b.delivered_types();
  std::sort(types.begin(), types.end());
  CHECK(types == std::vector<std::string>{"Reject", "Reject", "Undo"});

  CHECK(b.reload(b.alice.id).followers_count == 0);
  CHECK(b.reload(b.alice.id).following_count == 0);
  CHECK(b.reload(b.bob.id).followers_count == 1);  // the good.example follower stays

  auto notes = b.db.read([&](store::Connection& c) { return store::notifications_for(c, b.alice.id, 10); });
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].type == "severed_relationships");
  auto events = b.db.read([&](store::Connection& c) { return store::severance_events_of(c, {notes[0].id}); });
  REQUIRE(events.count(notes[0].id) == 1);
  const auto& event = events.at(notes[0].id);
  CHECK(event.type == "domain_block");
  CHECK(event.target_name == "bad.example");
  CHECK(event.purged);
  CHECK(event.followers_count == 1);
  CHECK(event.following_count == 1);
}

TEST_CASE("suspending a domain purges its accounts and statuses and fixes the counters they were in",
          "[domain_blocks]") {
  Blocks b;
  int64_t trolling = b.post(b.troll);
  int64_t kept = b.post(b.friendly);
  int64_t mine = b.post(b.alice);
  b.db.write([&](store::Connection& c) {
    store::add_to_status_counter(c, mine, store::StatusCounter::Favourites, 1);
    auto& q = c.prepare("INSERT INTO favourites (id, account_id, status_id, created_at) VALUES (?, ?, ?, 1)");
    q.bind(1, store::next_id());
    q.bind(2, b.troll.id);
    q.bind(3, mine);
    q.exec();
  });
  auto outcome = b.block("bad.example", "suspend");
  CHECK(outcome.statuses_purged == 1);
  CHECK_FALSE(b.exists(b.troll.id));
  CHECK_FALSE(b.exists(b.sub.id));
  CHECK(b.exists(b.friendly.id));
  b.db.read([&](store::Connection& c) {
    CHECK_FALSE(store::find_status(c, trolling));
    CHECK(store::find_status(c, kept));
    auto& q = c.prepare("SELECT favourites_count FROM status_stats WHERE status_id = ?");
    q.bind(1, mine);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 0);
    return 0;
  });
}

TEST_CASE("suspending a domain tells live streams which of its statuses, and boosts of them, are gone",
          "[domain_blocks]") {
  Blocks b;
  const int64_t in_feed = b.post(b.troll);
  const int64_t unseen = b.post(b.troll);
  const int64_t boosted = b.post(b.sub);
  store::StatusRecord boost;
  boost.id = store::next_id();
  boost.uri = b.bob.uri + "/statuses/" + std::to_string(boost.id);
  boost.account_id = b.bob.id;
  boost.local = true;
  boost.visibility = "public";
  boost.reblog_of_id = boosted;
  boost.created_at = boost.updated_at = 1;
  b.db.write([&](store::Connection& c) {
    store::insert_status(c, boost);
    c.exec("INSERT INTO home_feed (account_id, status_id) VALUES (" + std::to_string(b.alice.id) + ", " +
           std::to_string(in_feed) + ")");
  });
  std::vector<store::CommitEvent> heard;
  b.db.set_commit_listener([&](std::vector<store::CommitEvent> events) {
    for (auto& e : events) heard.push_back(std::move(e));
  });

  services::DomainBlockInput input;
  input.domain = "bad.example";
  input.severity = "suspend";
  // Ten days after the statuses were written: only feeds and boosts still show them.
  b.write([&](store::Connection& c, services::Outbox& outbox) {
    services::apply_domain_block(c, outbox, input, 10LL * 24 * 3600 * 1000);
  });
  std::map<int64_t, std::vector<int64_t>> deleted;
  for (const auto& e : heard)
    if (e.kind == store::CommitEvent::Kind::StatusDeleted) deleted[e.status_id] = e.account_ids;
  CHECK(deleted.count(in_feed) == 1);
  CHECK(deleted[in_feed] == std::vector<int64_t>{b.alice.id});
  CHECK(deleted.count(boost.id) == 1);
  CHECK(deleted.count(unseen) == 0);
  CHECK(deleted.count(boosted) == 0);
  services::run_pending_purges(b.db, b.dir.path() / "media");
  b.db.read([&](store::Connection& c) {
    CHECK_FALSE(store::find_status(c, boost.id));
    return 0;
  });
}

TEST_CASE("silencing a domain silences its accounts until the block is lifted", "[domain_blocks]") {
  Blocks b;
  auto outcome = b.block("bad.example", "silence");
  CHECK(outcome.accounts_silenced == 2);
  CHECK(b.reload(b.troll.id).silenced_at);
  CHECK(b.reload(b.sub.id).silenced_at);
  CHECK_FALSE(b.reload(b.friendly.id).silenced_at);
  CHECK_FALSE(b.suspended("bad.example"));  // silence still federates

  b.db.write([](store::Connection& c) { return services::remove_domain_block(c, "BAD.example"); });
  CHECK_FALSE(b.reload(b.troll.id).silenced_at);
  CHECK(b.db.read([](store::Connection& c) { return store::list_domain_blocks(c); }).empty());
}

TEST_CASE("lifting a parent domain's silence keeps a subdomain's own silence", "[domain_blocks]") {
  Blocks b;
  b.block("social.bad.example", "silence");
  b.block("bad.example", "silence");
  b.db.write([](store::Connection& c) { return services::remove_domain_block(c, "bad.example"); });
  CHECK_FALSE(b.reload(b.troll.id).silenced_at);
  CHECK(b.reload(b.sub.id).silenced_at);  // social.bad.example:8443 is still under its own block
}

TEST_CASE("a silenced stranger's follow does not notify, but a followed one's does", "[domain_blocks]") {
  Blocks b;
  b.block("bad.example", "silence");
  b.write([&](store::Connection& c, services::Outbox&) {
    services::record_incoming_follow(c, b.reload(b.troll.id), b.alice, std::string("https://bad.example/f/1"), 1);
  });
  CHECK(b.db.read([&](store::Connection& c) { return store::notifications_for(c, b.alice.id, 10); }).empty());
  b.write([&](store::Connection& c, services::Outbox& outbox) {
    services::follow(c, outbox, b.bob, b.troll, {}, 2);
    services::accept_outgoing_follow(c, b.bob, b.troll, 3);
    services::record_incoming_follow(c, b.reload(b.troll.id), b.bob, std::string("https://bad.example/f/2"), 4);
  });
  CHECK(b.db.read([&](store::Connection& c) { return store::notifications_for(c, b.bob.id, 10); }).size() == 1);
}

TEST_CASE("lifting an unknown block is NotFound", "[domain_blocks]") {
  Blocks b;
  CHECK(error_kind([&] { b.db.write([](store::Connection& c) { return services::remove_domain_block(c, "x.example"); }); }) ==
        ServiceError::Kind::NotFound);
}

TEST_CASE("a block list with one bad row names it and applies nothing", "[domain_blocks]") {
  Blocks b;
  auto entries = convert::mastodon::parse_domain_block_csv(
      "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n"
      "good-riddance.example,suspend,false,false,spam,false\n"
      "https://not a domain/,silence,false,false,,false\n");
  try {
    b.write([&](store::Connection& c, services::Outbox& outbox) { services::import_domain_blocks(c, outbox, entries, 1); });
    FAIL("expected the import to fail");
  } catch (const ServiceError& e) {
    CHECK(std::string(e.what()).rfind("line 3: ", 0) == 0);
  }
  CHECK(b.db.read([](store::Connection& c) { return store::list_domain_blocks(c); }).empty());
}

TEST_CASE("importing a list twice changes nothing the second time; obfuscated entries are skipped", "[domain_blocks]") {
  Blocks b;
  auto entries = convert::mastodon::parse_domain_block_json(
      R"([{"domain":"bad.example","severity":"suspend","comment":"harassment"},
          {"domain":"si***ed.example","digest":"abc","severity":"silence"},
          {"domain":"loud.example","severity":"silence","reject_media":true}])");
  services::DomainBlockImport first, second;
  b.write([&](store::Connection& c, services::Outbox& o) { first = services::import_domain_blocks(c, o, entries, 1); });
  b.write([&](store::Connection& c, services::Outbox& o) { second = services::import_domain_blocks(c, o, entries, 2); });
  CHECK(first.created == 2);
  CHECK(first.skipped.size() == 1);
  CHECK(second.created == 0);
  CHECK(second.unchanged == 2);
  auto blocks = b.db.read([](store::Connection& c) { return store::list_domain_blocks(c); });
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].domain == "bad.example");
  CHECK(blocks[0].public_comment == "harassment");
  CHECK(blocks[1].reject_media);
}

TEST_CASE("in allowlist mode only allowed domains and their subdomains federate", "[domain_blocks]") {
  Blocks b;
  CHECK_FALSE(b.suspended("good.example"));
  b.db.write([](store::Connection& c) { store::set_allowlist_mode(c, true, 1); });
  CHECK(b.suspended("good.example"));
  b.db.write([](store::Connection& c) { return services::allow_domain(c, "good.example", 1); });
  CHECK_FALSE(b.suspended("social.good.example:443"));
  CHECK(b.suspended("bad.example"));
  b.db.write([](store::Connection& c) { services::disallow_domain(c, "good.example"); });
  CHECK(b.suspended("good.example"));
}
