#include "services/custom_emojis.hpp"

#include <catch2/catch.hpp>

#include "media/image_fixtures.hpp"
#include "services/service_error.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;
using services::ServiceError;

namespace {

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  media::MediaStorage storage{dir.path() / "media"};
  Fixture() { store::apply_migrations(db); }

  std::optional<store::CustomEmojiRecord> local(const std::string& shortcode) {
    return db.read([&](store::Connection& c) { return store::find_custom_emoji(c, shortcode, std::nullopt); });
  }
};

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ServiceError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("emoji shortcodes are two or more ASCII letters, digits or underscores", "[emoji]") {
  CHECK_NOTHROW(services::validate_emoji_shortcode("blobcat"));
  CHECK_NOTHROW(services::validate_emoji_shortcode("Blob_Cat_2"));
  CHECK_NOTHROW(services::validate_emoji_shortcode("ab"));
  CHECK(error_of([] { services::validate_emoji_shortcode("a"); }) ==
        "shortcode \"a\" is too short: it needs at least 2 characters");
  CHECK(error_of([] { services::validate_emoji_shortcode("blob-cat"); }).find("\"blob-cat\" is invalid") !=
        std::string::npos);
  CHECK_THROWS_AS(services::validate_emoji_shortcode("blob cat"), ServiceError);
  CHECK_THROWS_AS(services::validate_emoji_shortcode(":blob:"), ServiceError);
  CHECK_THROWS_AS(services::validate_emoji_shortcode("café"), ServiceError);
}

TEST_CASE("emoji images are PNG, GIF or WebP judged by their bytes, within 256 KB", "[emoji]") {
  CHECK(services::emoji_image_type(testing::kPng3x2, "a.png").mime == "image/png");
  CHECK(services::emoji_image_type(testing::kGif4x7, "a.gif").mime == "image/gif");
  CHECK(services::emoji_image_type(testing::kWebpLossy6x4, "a.webp").mime == "image/webp");
  CHECK(error_of([] { services::emoji_image_type(testing::kJpeg5x3, "photo.png"); }) ==
        "photo.png is not a PNG, GIF or WebP image (it is image/jpeg)");
  CHECK(error_of([] { services::emoji_image_type("<html></html>", "page.png"); }) ==
        "page.png is not a PNG, GIF or WebP image");
  std::string big = testing::kPng3x2 + std::string(services::kEmojiSizeLimit, '\0');
  CHECK(error_of([&] { services::emoji_image_type(big, "big.png"); }).find("big.png is too big") == 0);
}

TEST_CASE("adding an emoji stores its image and refuses a taken shortcode unless overwriting", "[emoji]") {
  Fixture f;
  auto added = services::add_local_emoji(f.db, f.storage, {"blobcat", testing::kPng3x2, "blobcat.png", "Blobs", false});
  REQUIRE(added.image_path);
  CHECK(f.storage.resolve(*added.image_path));
  CHECK(added.image_content_type == "image/png");
  CHECK(f.local("blobcat")->category == "Blobs");

  auto conflict = error_of([&] {
    services::add_local_emoji(f.db, f.storage, {"blobcat", testing::kGif4x7, "other.gif", std::nullopt, false});
  });
  CHECK(conflict == "emoji :blobcat: already exists");
  CHECK(f.local("blobcat")->image_content_type == "image/png");

  auto replaced =
      services::add_local_emoji(f.db, f.storage, {"blobcat", testing::kGif4x7, "other.gif", std::nullopt, true});
  CHECK(replaced.id == added.id);
  CHECK(replaced.image_content_type == "image/gif");
  CHECK(replaced.category == "Blobs");
  CHECK_FALSE(f.storage.resolve(*added.image_path));  // the old image is gone
  CHECK(f.storage.resolve(*replaced.image_path));
}

TEST_CASE("a pack imports its images by file name, skipping existing ones and ignoring other files", "[emoji]") {
  Fixture f;
  services::add_local_emoji(f.db, f.storage, {"existing", testing::kPng3x2, "x.png", std::nullopt, false});
  std::vector<media::PackEntry> entries = {
      {"pack/blobcat.png", testing::kPng3x2, false},
      {"pack/party.gif", testing::kGif4x7, false},
      {"pack/existing.png", testing::kGif4x7, false},
      {"pack/README.txt", "read me", false},
      {"pack/._blobcat.png", testing::kPng3x2, false},
      {"pack/bad-name.png", testing::kPng3x2, false},
      {"pack/huge.png", "", true},
  };
  auto result = services::import_emoji_pack(f.db, f.storage, entries, {std::string("Pack"), false, "", ""});
  CHECK(result.imported == 2);
  CHECK(result.skipped == 1);
  CHECK(result.ignored == 2);
  REQUIRE(result.failures.size() == 2);
  CHECK(result.failures[0].find("pack/bad-name.png: shortcode \"bad-name\" is invalid") == 0);
  CHECK(result.failures[1] == "pack/huge.png: too big, the limit is 256 KB");
  CHECK(f.local("party")->category == "Pack");
  CHECK(f.local("existing")->image_content_type == "image/png");

  auto exported = services::export_emoji_pack(f.db, f.storage);
  std::vector<std::string> names;
  for (const auto& e : exported) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"blobcat.png", "existing.png", "party.gif"});
  CHECK(exported[0].bytes == testing::kPng3x2);
}

TEST_CASE("removing an emoji deletes its row and image; an unknown one is named", "[emoji]") {
  Fixture f;
  auto added = services::add_local_emoji(f.db, f.storage, {"blobcat", testing::kPng3x2, "b.png", std::nullopt, false});
  services::remove_local_emoji(f.db, f.storage, "blobcat");
  CHECK_FALSE(f.local("blobcat"));
  CHECK_FALSE(f.storage.resolve(*added.image_path));
  CHECK(error_of([&] { services::remove_local_emoji(f.db, f.storage, "nope"); }) == "no local emoji :nope:");
}
