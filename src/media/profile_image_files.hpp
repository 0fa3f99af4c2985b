#pragma once
// Where a profile image's files lie under the media folder: accounts/<avatars|headers>/<id>/<random>/ holds
// original.<ext> for a still image, or animated.<ext> for an animated one with still.png, its first frame, beside
// it (what clients show as avatar_static / header_static, and where animation is turned off).
#include <optional>
#include <string>

namespace vmst::media {

// "original.png", or "animated.gif" for an animation.
std::string profile_image_file_name(bool animated, const std::string& extension);

// The still frame beside an animated profile image ("…/animated.gif" -> "…/still.png"); nullopt for a still one.
std::optional<std::string> profile_image_still_path(const std::string& relative_path);

}  // namespace vmst::media
