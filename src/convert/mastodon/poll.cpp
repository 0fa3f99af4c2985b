#include "convert/mastodon/poll.hpp"

#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json poll_json(const store::PollRecord& poll, const std::optional<PollViewer>& viewer, int64_t now) {
  const bool expired = poll.expires_at && *poll.expires_at <= now;
  const bool show_counts = !poll.hide_totals || expired;
  nlohmann::json options = nlohmann::json::array();
  for (size_t i = 0; i < poll.options.size(); ++i) {
    const int64_t count = i < poll.votes_counts.size() ? poll.votes_counts[i] : 0;
    options.push_back({{"title", poll.options[i]}, {"votes_count", show_counts ? nlohmann::json(count) : nlohmann::json()}});
  }
  nlohmann::json json = {
      {"id", std::to_string(poll.id)},
      {"expires_at", poll.expires_at ? nlohmann::json(format_iso8601_millis(*poll.expires_at)) : nlohmann::json()},
      {"expired", expired},
      {"multiple", poll.multiple},
      {"votes_count", poll.votes_count},
      {"voters_count", poll.voters_count ? nlohmann::json(*poll.voters_count) : nlohmann::json()},
      {"options", std::move(options)},
      {"emojis", nlohmann::json::array()},
  };
  if (viewer) {
    json["voted"] = viewer->account_id == poll.account_id || !viewer->own_votes.empty();
    json["own_votes"] = viewer->own_votes;
  }
  return json;
}

}  // namespace vmst::convert::mastodon
