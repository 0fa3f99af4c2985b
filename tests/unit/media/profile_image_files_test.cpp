#include "media/profile_image_files.hpp"

#include <catch2/catch.hpp>

using vmst::media::profile_image_file_name;
using vmst::media::profile_image_still_path;

TEST_CASE("an animated profile image has its still frame beside it; a still one has none", "[media]") {
  CHECK(profile_image_file_name(false, "png") == "original.png");
  CHECK(profile_image_file_name(true, "gif") == "animated.gif");
  CHECK(profile_image_still_path("accounts/avatars/1/ab/animated.gif") == "accounts/avatars/1/ab/still.png");
  CHECK(profile_image_still_path("accounts/headers/1/ab/animated.webp") == "accounts/headers/1/ab/still.png");
  CHECK_FALSE(profile_image_still_path("accounts/avatars/1/ab/original.png"));
  CHECK_FALSE(profile_image_still_path("accounts/avatars/1/animated/original.gif"));
}
