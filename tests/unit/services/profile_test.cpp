#include "services/profile.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <iterator>

#include "media/image_dimensions.hpp"
#include "media/image_fixtures.hpp"
#include "services/follows.hpp"
#include "services/service_error.hpp"
#include "support/social_fixture.hpp"

using namespace vmst;
using services::ServiceError;

namespace {

const std::string kPng = vmst::testing::kPng3x2;

struct Profiles : testing::SocialFixture {
  store::AccountRecord alice = local("alice");
  services::ProfileEnvironment env{db, urls, "vmst.test", dir.path() / "media"};

  services::CredentialView update(const services::ProfileUpdate& u) {
    services::Outbox outbox(enqueue);
    return services::update_profile(env, outbox, alice.id, u, 5000);
  }
  std::string invalid_message(const services::ProfileUpdate& u) {
    try {
      update(u);
    } catch (const ServiceError& e) {
      CHECK(e.kind() == ServiceError::Kind::Invalid);
      return e.what();
    }
    FAIL("expected a validation error");
    return "";
  }
};

// GCC warns about designated initializers that leave members out, so updates are built field by field.
template <class Fn>
services::ProfileUpdate with(Fn&& fill) {
  services::ProfileUpdate u;
  fill(u);
  return u;
}

}  // namespace

TEST_CASE("image types are read from the bytes", "[profile]") {
  CHECK(services::sniff_image_type(kPng) == "image/png");
  CHECK(services::sniff_image_type("\xFF\xD8\xFF\xE0rest") == "image/jpeg");
  CHECK(services::sniff_image_type("GIF89a....") == "image/gif");
  CHECK(services::sniff_image_type(std::string_view("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
  CHECK(services::sniff_image_type("<svg/>") == "");
  CHECK(services::sniff_image_type("") == "");
}

TEST_CASE("verify_credentials' source comes from the user's settings", "[profile]") {
  Profiles p;
  auto view = p.db.read([&](store::Connection& c) { return services::credential_view(c, p.alice.id); });
  CHECK(view.source.privacy == "public");
  CHECK_FALSE(view.source.sensitive);
  CHECK_FALSE(view.source.language);
  CHECK(view.source.role == "user");
  auto updated = p.update(with([](auto& u) { u.privacy = "private"; u.sensitive = true; u.language = "fr"; }));
  CHECK(updated.source.privacy == "private");
  CHECK(updated.source.sensitive);
  CHECK(updated.source.language == std::optional<std::string>("fr"));
  CHECK_FALSE(p.update(with([](auto& u) { u.language = ""; })).source.language);
}

TEST_CASE("a profile update renders the note and fields and keeps what was typed", "[profile]") {
  Profiles p;
  auto view = p.update(with([](auto& u) {
    u.display_name = "Alice";
    u.note = "Hi <3";
    u.locked = true;
    u.fields = std::vector<std::pair<std::string, std::string>>{{"Web", "https://a.example.com"}};
  }));
  CHECK(view.account.display_name == "Alice");
  CHECK(view.account.note == "<p>Hi &lt;3</p>");
  CHECK(view.account.note_source == "Hi <3");
  CHECK(view.account.locked);
  auto fields = nlohmann::json::parse(view.account.fields_json);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0]["name"] == "Web");
  CHECK(fields[0]["value_source"] == "https://a.example.com");
  CHECK(fields[0]["value"].get<std::string>().find("rel=\"nofollow noopener me\"") != std::string::npos);
  // Unset fields keep their values.
  auto again = p.update(with([](auto& u) { u.bot = true; }));
  CHECK(again.account.display_name == "Alice");
  CHECK(again.account.locked);
  CHECK(again.account.bot);
}

TEST_CASE("profile limits are Mastodon's", "[profile]") {
  Profiles p;
  CHECK(p.invalid_message(with([](auto& u) { u.display_name = std::string(31, 'x'); })) ==
        "Validation failed: Display name is too long (maximum is 30 characters)");
  CHECK_NOTHROW(p.update(with([](auto& u) { u.display_name = "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßAB"; })));  // 30 characters, 58 bytes
  CHECK(p.invalid_message(with([](auto& u) { u.note = std::string(501, 'x'); })).find("Note is too long") != std::string::npos);
  std::vector<std::pair<std::string, std::string>> five(5, {"a", "b"});
  CHECK(p.invalid_message(with([&](auto& u) { u.fields = five; })).find("Fields") != std::string::npos);
  std::vector<std::pair<std::string, std::string>> long_value{{"a", std::string(256, 'v')}};
  CHECK(p.invalid_message(with([&](auto& u) { u.fields = long_value; })).find("Fields") != std::string::npos);
  CHECK(p.invalid_message(with([](auto& u) { u.privacy = "direct"; })).find("privacy") != std::string::npos);
  CHECK(p.invalid_message(with([](auto& u) { u.language = "english"; })).find("language") != std::string::npos);
  CHECK(p.invalid_message(with([](auto& u) { u.avatar = services::ImageUpload{"image/png", "plain text"}; })) ==
        "Validation failed: Avatar content type is invalid");
  CHECK(p.invalid_message(with([](auto& u) { u.header = services::ImageUpload{"text/html", kPng}; })) ==
        "Validation failed: Header content type is invalid");
  CHECK(p.invalid_message(with([](auto& u) { u.avatar = services::ImageUpload{"image/png", kPng + std::string(8 * 1024 * 1024, 0)}; }))
            .find("size") != std::string::npos);
  // Nothing was changed by the refused updates.
  CHECK(p.reload(p.alice.id).note.empty());
}

TEST_CASE("an avatar is stored under the media folder and replaces the previous one", "[profile]") {
  Profiles p;
  auto first = p.update(with([](auto& u) { u.avatar = services::ImageUpload{"image/png", kPng}; }));
  REQUIRE(first.account.avatar_file_path);
  const auto first_path = p.env.media_root / *first.account.avatar_file_path;
  CHECK(first.account.avatar_file_path->rfind("accounts/avatars/", 0) == 0);
  std::ifstream in(first_path, std::ios::binary);
  std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Re-encoded at the avatar size, not the bytes sent.
  auto size = vmst::media::image_dimensions(stored);
  REQUIRE(size);
  CHECK(size->width == 400);
  CHECK(size->height == 400);
  auto second = p.update(with([](auto& u) { u.avatar = services::ImageUpload{"", kPng}; }));
  CHECK(second.account.avatar_file_path != first.account.avatar_file_path);
  CHECK_FALSE(std::filesystem::exists(first_path));
  auto header = p.update(
      with([](auto& u) { u.header = services::ImageUpload{"application/octet-stream", vmst::testing::kGif4x7}; }));
  REQUIRE(header.account.header_file_path);
  std::ifstream header_in(p.env.media_root / *header.account.header_file_path, std::ios::binary);
  std::string header_bytes((std::istreambuf_iterator<char>(header_in)), std::istreambuf_iterator<char>());
  auto header_size = vmst::media::image_dimensions(header_bytes);
  REQUIRE(header_size);
  CHECK(header_size->width == 1500);
  CHECK(header_size->height == 500);
}

TEST_CASE("removing the avatar deletes its file and shows the default again", "[profile]") {
  Profiles p;
  auto uploaded = p.update(with([](auto& u) { u.avatar = services::ImageUpload{"image/png", kPng}; }));
  const auto path = p.env.media_root / *uploaded.account.avatar_file_path;
  services::Outbox outbox(p.enqueue);
  auto view = services::remove_profile_image(p.env, outbox, p.alice.id, store::ProfileImage::Avatar, 6000);
  CHECK_FALSE(view.account.avatar_file_path);
  CHECK_FALSE(view.account.avatar_media_id);
  CHECK_FALSE(std::filesystem::exists(path));
  // Removing what is not there is fine.
  CHECK_NOTHROW(services::remove_profile_image(p.env, outbox, p.alice.id, store::ProfileImage::Header, 6000));
}

TEST_CASE("a profile update sends Update of the actor to remote followers' shared inboxes", "[profile]") {
  Profiles p;
  auto rita = p.remote("rita"), remo = p.remote("remo"), other = p.remote("otto", "other.example");
  p.write([&](store::Connection& c, services::Outbox&) {
    for (const auto& follower : {rita, remo, other}) services::record_incoming_follow(c, follower, p.alice, std::nullopt, 1);
  });
  p.update(with([](auto& u) { u.display_name = "New name"; }));
  REQUIRE(p.delivered.size() == 1);
  const auto& update = p.delivered[0];
  CHECK(update.sender == p.alice.id);
  CHECK(update.activity["type"] == "Update");
  CHECK(update.activity["actor"] == p.alice.uri);
  CHECK(update.activity["object"]["type"] == "Person");
  CHECK(update.activity["object"]["name"] == "New name");
  CHECK_FALSE(update.activity["object"].contains("@context"));
  auto inboxes = update.inboxes;
  std::sort(inboxes.begin(), inboxes.end());
  CHECK(inboxes == std::vector<std::string>{"https://other.example/inbox", "https://remote.example/inbox"});
}

TEST_CASE("without remote followers nothing is sent", "[profile]") {
  Profiles p;
  p.update(with([](auto& u) { u.display_name = "Quiet"; }));
  CHECK(p.delivered.empty());
}
