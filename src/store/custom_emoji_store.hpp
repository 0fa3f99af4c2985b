#pragma once
// SQL for custom emoji: this server's own (domain NULL) and those seen on other servers, kept per domain.
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
  std::optional<std::string> image_path;  // relative to the media folder: local emoji, and copies of remote ones
  std::optional<std::string> image_remote_url;
  std::optional<std::string> category;
  bool visible_in_picker = true;
  std::optional<std::string> uri;  // the ActivityPub Emoji id, for remote ones
  std::optional<std::string> image_content_type;
  bool disabled = false;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// This server's own emoji that are not disabled and have an image, by shortcode.
std::vector<CustomEmojiRecord> local_enabled_custom_emojis(Connection& c);

// Every emoji of this server (remote = false) or of other servers (remote = true), by domain and shortcode.
std::vector<CustomEmojiRecord> list_custom_emojis(Connection& c, bool remote);

// The emoji with this shortcode (exact case, as Mastodon matches them) on `domain` (nullopt: this server).
std::optional<CustomEmojiRecord> find_custom_emoji(Connection& c, const std::string& shortcode,
                                                   const std::optional<std::string>& domain);

std::optional<CustomEmojiRecord> find_custom_emoji_by_id(Connection& c, int64_t id);

// The enabled emoji of `domain` (nullopt: this server) among `shortcodes` that have an image to show.
std::vector<CustomEmojiRecord> usable_custom_emojis(Connection& c, const std::optional<std::string>& domain,
                                                    const std::vector<std::string>& shortcodes);

// Inserts the record as given (id included).
void insert_custom_emoji(Connection& c, const CustomEmojiRecord& emoji);

// Replaces the image, category and the remote fields of the emoji with `emoji.id`.
void update_custom_emoji(Connection& c, const CustomEmojiRecord& emoji);

void delete_custom_emoji(Connection& c, int64_t id);

}  // namespace vmst::store
