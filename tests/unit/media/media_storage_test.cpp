#include "media/media_storage.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "support/temp_dir.hpp"

using vmst::media::is_safe_relative_path;
using vmst::media::MediaStorage;

TEST_CASE("only plain relative paths name media files", "[media]") {
  CHECK(is_safe_relative_path("media_attachments/123/ab12/original.png"));
  CHECK(is_safe_relative_path("a.b-c_d"));
  CHECK_FALSE(is_safe_relative_path(""));
  CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
  CHECK_FALSE(is_safe_relative_path("../vmst.db"));
  CHECK_FALSE(is_safe_relative_path("media_attachments/../../vmst.db"));
  CHECK_FALSE(is_safe_relative_path("a/./b"));
  CHECK_FALSE(is_safe_relative_path("a//b"));
  CHECK_FALSE(is_safe_relative_path("a/b/"));
  CHECK_FALSE(is_safe_relative_path("a\\..\\b"));
  CHECK_FALSE(is_safe_relative_path(std::string("a\0b", 3)));
  CHECK_FALSE(is_safe_relative_path("a/%2e%2e/b"));
}

TEST_CASE("a written file resolves, and removing it clears the folders it leaves empty", "[media]") {
  vmst::testing::TempDir dir;
  MediaStorage storage(dir.path() / "media");
  storage.write("media_attachments/1/x/original.png", "bytes");
  auto file = storage.resolve("media_attachments/1/x/original.png");
  REQUIRE(file);
  std::ifstream in(*file, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(content == "bytes");
  CHECK_FALSE(storage.resolve("media_attachments/1/x"));  // a folder is not a file
  CHECK_FALSE(storage.resolve("media_attachments/1/x/missing.png"));

  storage.remove("media_attachments/1/x/original.png");
  CHECK_FALSE(storage.resolve("media_attachments/1/x/original.png"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "media" / "media_attachments"));
  CHECK(std::filesystem::exists(dir.path() / "media"));
}

TEST_CASE("a symbolic link inside the media folder is not followed", "[media]") {
  vmst::testing::TempDir dir;
  {
    std::ofstream secret(dir.path() / "vmst.db");
    secret << "secret";
  }
  MediaStorage storage(dir.path() / "media");
  storage.write("a/real.png", "x");
  std::filesystem::create_symlink(dir.path() / "vmst.db", dir.path() / "media" / "a" / "link.png");
  CHECK(storage.resolve("a/real.png"));
  CHECK_FALSE(storage.resolve("a/link.png"));
}

TEST_CASE("writing refuses paths that would leave the media folder", "[media]") {
  vmst::testing::TempDir dir;
  MediaStorage storage(dir.path() / "media");
  CHECK_THROWS(storage.write("../escape.png", "x"));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "escape.png"));
}
