#include "media/profile_image_files.hpp"

#include <string_view>

namespace vmst::media {

namespace {
constexpr std::string_view kAnimated = "animated.";
}

std::string profile_image_file_name(bool animated, const std::string& extension) {
  return (animated ? std::string(kAnimated) : std::string("original.")) + extension;
}

std::optional<std::string> profile_image_still_path(const std::string& relative_path) {
  const auto slash = relative_path.rfind('/');
  const size_t name = slash == std::string::npos ? 0 : slash + 1;
  if (relative_path.compare(name, kAnimated.size(), kAnimated) != 0) return std::nullopt;
  return relative_path.substr(0, name) + "still.png";
}

}  // namespace vmst::media
