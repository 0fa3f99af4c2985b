#include "convert/mastodon/tag.hpp"

#include "text/hashtag_name.hpp"

namespace vmst::convert::mastodon {

nlohmann::json hashtag_json(const store::TagRecord& tag, bool following, const std::vector<store::TagDayUse>& history,
                            const federation::LocalUrls& urls) {
  nlohmann::json days = nlohmann::json::array();
  for (const auto& d : history) {
    days.push_back({{"day", std::to_string(d.day_start_millis / 1000)},
                    {"uses", std::to_string(d.uses)},
                    {"accounts", std::to_string(d.accounts)}});
  }
  nlohmann::json out = {{"name", tag.display_name.empty() ? tag.name : tag.display_name},
                        {"url", urls.tag_page(text::hashtag_path_segment(tag.name))},
                        {"history", std::move(days)},
                        {"following", following}};
  // A tag nobody has used or followed has no row yet, so no id (Mastodon answers such tags unsaved, too).
  if (tag.id != 0) out["id"] = std::to_string(tag.id);
  return out;
}

}  // namespace vmst::convert::mastodon
