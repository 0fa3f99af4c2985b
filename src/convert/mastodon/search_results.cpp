#include "convert/mastodon/search_results.hpp"

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/status.hpp"
#include "text/hashtag_name.hpp"

namespace vmst::convert::mastodon {

nlohmann::json searched_tag_json(const store::TagHit& tag, const federation::LocalUrls& urls) {
  auto json = tag_json(tag.name, urls);
  json["url"] = urls.tag_page(text::hashtag_path_segment(text::normalize_hashtag_name(tag.name)));
  json["following"] = tag.following;
  return json;
}

nlohmann::json search_results_json(const SearchResults& results, const federation::LocalUrls& urls) {
  nlohmann::json accounts = nlohmann::json::array(), statuses = nlohmann::json::array(),
                 hashtags = nlohmann::json::array();
  for (const auto& account : results.accounts) accounts.push_back(account_json(account, urls));
  for (int64_t id : results.status_ids) {
    auto json = status_json(results.statuses, id, urls);
    if (!json.is_null()) statuses.push_back(std::move(json));
  }
  for (const auto& tag : results.hashtags) hashtags.push_back(searched_tag_json(tag, urls));
  return {{"accounts", std::move(accounts)}, {"statuses", std::move(statuses)}, {"hashtags", std::move(hashtags)}};
}

}  // namespace vmst::convert::mastodon
