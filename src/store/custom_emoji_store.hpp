#pragma once
// SQL for custom emoji.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct CustomEmojiRecord {
  int64_t id = 0;
  std::string shortcode;
  std::optional<std::string> domain;
  std::optional<std::string> image_path;  // relative to the media folder, local emoji
  std::optional<std::string> image_remote_url;
  std::optional<std::string> category;
  bool visible_in_picker = true;
};

// This server's own emoji that are not disabled and have an image, by shortcode.
std::vector<CustomEmojiRecord> local_enabled_custom_emojis(Connection& c);

}  // namespace vmst::store
