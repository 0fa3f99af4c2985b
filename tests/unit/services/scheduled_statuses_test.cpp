#include "services/scheduled_statuses.hpp"

#include <catch2/catch.hpp>

#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/status_store.hpp"
#include "support/social_fixture.hpp"
#include "time/timestamps.hpp"

using namespace vmst;

namespace {

constexpr int64_t kMinute = 60'000;

struct Fixture : testing::SocialFixture {
  store::AccountRecord alice = local("alice");

  services::PostingContext posting() { return services::PostingContext{db, urls, "vmst.test", nullptr, enqueue, {}}; }

  services::NewStatus request(const std::string& text) {
    services::NewStatus r;
    r.account_id = alice.id;
    r.text = text;
    return r;
  }

  int64_t upload() {
    store::MediaRecord m;
    m.id = store::next_id();
    m.account_id = alice.id;
    m.type = "image";
    m.created_at = m.updated_at = now_millis();
    db.write([&](store::Connection& c) { store::insert_media(c, m); });
    return m.id;
  }

  std::string error_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const services::ServiceError& e) {
      return e.what();
    }
    return "";
  }
};

}  // namespace

TEST_CASE("scheduled params keep what post_status needs", "[scheduled_statuses]") {
  services::NewStatus r;
  r.account_id = 1;
  r.application_id = 9;
  r.text = "later";
  r.media_ids = {5, 6};
  r.in_reply_to_id = 77;
  r.sensitive = true;
  r.spoiler_text = "cw";
  r.visibility = "private";
  r.language = "de";
  r.poll = services::PollInput{{"a", "b"}, 600, true, false};
  auto params = nlohmann::json::parse(services::scheduled_params_json(r));
  CHECK(params["media_ids"] == nlohmann::json({"5", "6"}));
  CHECK(params["scheduled_at"].is_null());
  CHECK(params["in_reply_to_id"] == "77");
  auto back = services::new_status_from_params(params.dump(), 1);
  CHECK(back.text == "later");
  CHECK(back.application_id == 9);
  CHECK(back.media_ids == std::vector<int64_t>{5, 6});
  CHECK(back.in_reply_to_id == 77);
  CHECK(back.sensitive);
  CHECK(back.spoiler_text == "cw");
  CHECK(back.visibility == "private");
  CHECK(back.language == "de");
  REQUIRE(back.poll);
  CHECK(back.poll->options == std::vector<std::string>{"a", "b"});
  CHECK(back.poll->expires_in == 600);
  CHECK(back.poll->multiple);
}

TEST_CASE("a scheduled time must be more than five minutes ahead", "[scheduled_statuses]") {
  Fixture f;
  auto ctx = f.posting();
  const int64_t now = now_millis();
  CHECK(f.error_of([&] { services::schedule_status(ctx, f.request("soon"), now + 5 * kMinute, now); }) ==
        "Validation failed: Scheduled at The scheduled date must be in the future");
  CHECK(f.error_of([&] { services::schedule_status(ctx, f.request(""), now + 10 * kMinute, now); }) ==
        "Validation failed: Text can't be blank");
  auto view = services::schedule_status(ctx, f.request("fine"), now + 6 * kMinute, now);
  CHECK(view.record.scheduled_at == now + 6 * kMinute);
}

TEST_CASE("no more than 25 scheduled statuses fall on one day", "[scheduled_statuses]") {
  Fixture f;
  auto ctx = f.posting();
  const int64_t now = now_millis();
  const int64_t day = now - now % 86'400'000 + 2 * 86'400'000;
  for (int i = 0; i < 25; ++i) services::schedule_status(ctx, f.request("x"), day + i * kMinute, now);
  CHECK(f.error_of([&] { services::schedule_status(ctx, f.request("x"), day + 30 * kMinute, now); }) ==
        "Validation failed: You have exceeded the limit of 25 scheduled posts for today");
  services::schedule_status(ctx, f.request("next day"), day + 86'400'000, now);
}

TEST_CASE("a due scheduled status is posted with its reserved upload and then removed", "[scheduled_statuses]") {
  Fixture f;
  auto ctx = f.posting();
  const int64_t now = now_millis();
  const int64_t media = f.upload();
  auto r = f.request("from the past");
  r.media_ids = {media};
  auto view = services::schedule_status(ctx, r, now + 10 * kMinute, now);
  REQUIRE(view.media.size() == 1);

  // Reserved: an ordinary post cannot take the upload.
  auto thief = f.request("mine now");
  thief.media_ids = {media};
  CHECK(f.error_of([&] { services::post_status(ctx, thief); }) == "Validation failed: Media attachments are invalid");

  CHECK(services::publish_due_scheduled_statuses(ctx, now) == 0);  // not due yet
  CHECK(services::publish_due_scheduled_statuses(ctx, now + 11 * kMinute) == 1);
  auto attached = f.db.read([&](store::Connection& c) { return store::find_media(c, media); });
  REQUIRE(attached->status_id);
  auto status = f.db.read([&](store::Connection& c) { return store::find_status(c, *attached->status_id); });
  CHECK(status->text == "from the past");
  CHECK_THROWS_AS(services::get_scheduled_status(f.db, f.alice.id, view.record.id), services::ServiceError);
}

TEST_CASE("a scheduled status that can no longer be posted is dropped", "[scheduled_statuses]") {
  Fixture f;
  auto ctx = f.posting();
  const int64_t now = now_millis();
  auto r = f.request("reply to nothing");
  r.in_reply_to_id = 12345;
  auto view = services::schedule_status(ctx, r, now + 10 * kMinute, now);
  CHECK(services::publish_due_scheduled_statuses(ctx, now + 11 * kMinute) == 0);
  CHECK(services::list_scheduled_statuses(f.db, f.alice.id, {std::nullopt, std::nullopt, std::nullopt, 20}).empty());
}
