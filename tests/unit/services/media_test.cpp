#include "services/media.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "media/content_detection.hpp"
#include "media/image_fixtures.hpp"
#include "services/accounts.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using services::ServiceError;

namespace {
struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"https://social.example"};
  media::MediaStorage storage{dir.path() / "media"};
  services::MediaLimits limits{1024, 4096, 33177600};
  int64_t alice = 0, bob = 0;
  Fixture() {
    store::apply_migrations(db);
    alice = services::create_local_account(db, urls, {"alice", "alice@example.org", std::string("password-1"), "user"}).account_id;
    bob = services::create_local_account(db, urls, {"bob", "bob@example.org", std::string("password-2"), "user"}).account_id;
  }

  services::MediaUpload png() const {
    services::MediaUpload upload;
    upload.file = testing::kPng3x2;
    return upload;
  }
};

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.what();
  }
  return "(no error)";
}

ServiceError::Kind kind_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.kind();
  }
  FAIL("expected a ServiceError");
  return ServiceError::Kind::Unavailable;
}
}  // namespace

TEST_CASE("an uploaded image is re-encoded under the media folder, ready, with sizes and blurhash", "[media]") {
  Fixture f;
  auto upload = f.png();
  upload.description = "a red dot";
  upload.focus = "0.5,-0.25";
  auto media = services::upload_media(f.db, f.storage, f.limits, f.alice, upload);
  CHECK(media.type == "image");
  CHECK(media.state == "ready");
  CHECK(media.file_content_type == "image/png");

  REQUIRE(media.file_path);
  CHECK(media.file_path->rfind("media_attachments/" + std::to_string(media.id) + "/", 0) == 0);
  CHECK(media.file_path->size() > std::string("media_attachments//original.png").size());
  auto file = f.storage.resolve(*media.file_path);
  REQUIRE(file);
  std::ifstream in(*file, std::ios::binary);
  const std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(media.file_size == static_cast<int64_t>(stored.size()));
  CHECK(vmst::media::detect_mime_type(stored) == "image/png");
  REQUIRE(media.thumbnail_path);  // the small preview
  CHECK(f.storage.resolve(*media.thumbnail_path));
  REQUIRE(media.blurhash);
  CHECK(media.blurhash->size() == 36);

  auto meta = nlohmann::json::parse(media.meta_json);
  CHECK(meta["original"]["width"] == 3);
  CHECK(meta["original"]["height"] == 2);
  CHECK(meta["original"]["size"] == "3x2");
  CHECK(meta["original"]["aspect"].get<double>() == Approx(1.5));
  CHECK(meta["small"] == meta["original"]);
  CHECK(media.focus_x == Approx(0.5));
  CHECK(media.focus_y == Approx(-0.25));

  auto again = services::own_unattached_media(f.db, f.alice, media.id);
  CHECK(again.description == "a red dot");
}

TEST_CASE("uploads are refused with Mastodon's validation messages", "[media]") {
  Fixture f;
  services::MediaUpload none;
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, none); }) ==
        "Validation failed: File can't be blank");

  services::MediaUpload html;
  html.file = std::string_view("<html><body>not a picture</body></html>");
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, html); }) ==
        "Validation failed: File content type is invalid (the content is text/html)");

  auto lying = f.png();
  lying.declared_type = "image/jpeg";
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, lying); }) ==
        "Validation failed: File content does not match its declared type: declared image/jpeg, content is image/png");

  auto too_many_pixels = f.png();
  auto small_matrix = f.limits;
  small_matrix.image_matrix_limit = 5;
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, small_matrix, f.alice, too_many_pixels); }) ==
        "Validation failed: Image is too large: 3x2 pixels, more than the limit of 5 pixels");

  std::string big = testing::kPng3x2 + std::string(2000, '\0');
  services::MediaUpload oversized;
  oversized.file = big;
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, oversized); }) ==
        "Validation failed: File file size must be less than 1 KB");

  auto long_text = f.png();
  long_text.description = std::string(1501, 'x');
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, long_text); }) ==
        "Validation failed: Description is too long (maximum is 1500 characters)");
  // The limit counts characters, not bytes: 1500 two-byte letters fit.
  auto accented = f.png();
  std::string letters;
  for (int i = 0; i < 1500; ++i) letters += "\xC3\xA9";
  accented.description = letters;
  CHECK_NOTHROW(services::upload_media(f.db, f.storage, f.limits, f.alice, accented));

  auto bad_thumbnail = f.png();
  bad_thumbnail.thumbnail = std::string_view("GIF8 nope");
  CHECK(error_of([&] { services::upload_media(f.db, f.storage, f.limits, f.alice, bad_thumbnail); }) ==
        "Validation failed: Thumbnail content type is invalid");
}

TEST_CASE("refused uploads leave no file behind", "[media]") {
  Fixture f;
  services::MediaUpload html;
  html.file = std::string_view("plain text");
  CHECK_THROWS(services::upload_media(f.db, f.storage, f.limits, f.alice, html));
  CHECK_FALSE(std::filesystem::exists(f.dir.path() / "media" / "media_attachments"));
}

TEST_CASE("another account's upload is not found, for reading, changing and deleting", "[media]") {
  Fixture f;
  auto media = services::upload_media(f.db, f.storage, f.limits, f.alice, f.png());
  CHECK(kind_of([&] { services::own_unattached_media(f.db, f.bob, media.id); }) == ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::update_media(f.db, f.storage, f.limits, f.bob, media.id, {}); }) ==
        ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::delete_media(f.db, f.storage, f.bob, media.id); }) == ServiceError::Kind::NotFound);
  CHECK(kind_of([&] { services::own_unattached_media(f.db, f.alice, media.id + 1); }) == ServiceError::Kind::NotFound);
}

TEST_CASE("an upload's description, focus and thumbnail can be changed, and deleting removes its files", "[media]") {
  Fixture f;
  auto media = services::upload_media(f.db, f.storage, f.limits, f.alice, f.png());
  services::MediaChange change;
  change.description = "now described";
  change.focus = "2,nonsense";
  change.thumbnail = testing::kGif4x7;
  auto updated = services::update_media(f.db, f.storage, f.limits, f.alice, media.id, change);
  CHECK(updated.description == "now described");
  CHECK(updated.focus_x == Approx(1.0));  // clamped
  CHECK(updated.focus_y == Approx(0.0));  // not a number
  REQUIRE(updated.thumbnail_path);
  CHECK(f.storage.resolve(*updated.thumbnail_path));

  services::delete_media(f.db, f.storage, f.alice, media.id);
  CHECK_FALSE(f.storage.resolve(*media.file_path));
  CHECK_FALSE(f.storage.resolve(*updated.thumbnail_path));
  CHECK(kind_of([&] { services::own_unattached_media(f.db, f.alice, media.id); }) == ServiceError::Kind::NotFound);
}

TEST_CASE("a focal point is two numbers between -1 and 1", "[media]") {
  CHECK(services::parse_focus("0.5,-0.5") == std::make_pair(0.5, -0.5));
  CHECK(services::parse_focus("-3,3") == std::make_pair(-1.0, 1.0));
  CHECK(services::parse_focus("x,y") == std::make_pair(0.0, 0.0));
  CHECK(services::parse_focus("0.25") == std::make_pair(0.25, 0.0));
  CHECK(services::parse_focus("nan,inf") == std::make_pair(0.0, 0.0));
}
