#include "services/incoming_reports.hpp"

#include <catch2/catch.hpp>

#include "store/report_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;

namespace {

std::optional<int64_t> flag(testing::SocialFixture& f, const store::AccountRecord& from, const nlohmann::json& activity) {
  return f.db.write([&](store::Connection& c) { return services::record_incoming_flag(c, from, activity, 5); });
}

}  // namespace

TEST_CASE("a Flag naming a local account becomes a report from the remote actor", "[reports]") {
  testing::SocialFixture f;
  auto alice = f.local("alice");
  auto mod = f.remote("mod");
  nlohmann::json activity = {{"id", "https://remote.example/flags/1"},
                             {"type", "Flag"},
                             {"actor", mod.uri},
                             {"object", {alice.uri, "https://vmst.test/users/alice/statuses/404"}},
                             {"content", "<p>spam &amp; more</p>"}};
  auto id = flag(f, mod, activity);
  REQUIRE(id.has_value());
  auto report = f.db.read([&](store::Connection& c) { return store::find_report(c, *id); });
  REQUIRE(report.has_value());
  CHECK(report->account_id == mod.id);
  CHECK(report->target_account_id == alice.id);
  CHECK(report->comment == "spam & more");
  CHECK(report->uri == std::optional<std::string>("https://remote.example/flags/1"));
  CHECK_FALSE(report->action_taken_at.has_value());

  // The same Flag again is not a second report.
  CHECK_FALSE(flag(f, mod, activity).has_value());
}

TEST_CASE("a Flag naming nothing local is ignored", "[reports]") {
  testing::SocialFixture f;
  auto mod = f.remote("mod");
  auto other = f.remote("other", "third.example");
  CHECK_FALSE(flag(f, mod, {{"id", "https://remote.example/flags/2"}, {"type", "Flag"}, {"object", other.uri}})
                  .has_value());
  CHECK_FALSE(flag(f, mod, {{"type", "Flag"}, {"object", "https://vmst.test/users/nobody"}}).has_value());
  CHECK(f.db.read([&](store::Connection& c) { return store::list_reports(c, true); }).empty());
}
