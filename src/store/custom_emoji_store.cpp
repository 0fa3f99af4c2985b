#include "store/custom_emoji_store.hpp"

#include "store/sql_values.hpp"

namespace vmst::store {

std::vector<CustomEmojiRecord> local_enabled_custom_emojis(Connection& c) {
  auto& q = c.prepare(
      "SELECT id, shortcode, domain, image_path, image_remote_url, category, visible_in_picker FROM custom_emojis"
      " WHERE domain IS NULL AND disabled = 0 AND image_path IS NOT NULL ORDER BY shortcode");
  std::vector<CustomEmojiRecord> out;
  while (q.executeStep()) {
    CustomEmojiRecord e;
    e.id = q.getColumn(0).getInt64();
    e.shortcode = q.getColumn(1).getString();
    e.domain = column_text(q, 2);
    e.image_path = column_text(q, 3);
    e.image_remote_url = column_text(q, 4);
    e.category = column_text(q, 5);
    e.visible_in_picker = q.getColumn(6).getInt() != 0;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace vmst::store
