#include "convert/mastodon/instance_page.hpp"

#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

nlohmann::json extended_description_json(std::optional<int64_t> updated_at, const std::string& html) {
  return {{"updated_at", updated_at ? nlohmann::json(format_iso8601_millis(*updated_at)) : nlohmann::json()},
          {"content", html}};
}

nlohmann::json privacy_policy_json(int64_t updated_at, const std::string& html) {
  return {{"updated_at", format_iso8601_millis(updated_at)}, {"content", html}};
}

nlohmann::json terms_of_service_json(int64_t effective_at, const std::string& html) {
  return {{"effective_date", format_date(effective_at)},
          {"effective", true},
          {"content", html},
          {"succeeded_by", nullptr}};
}

}  // namespace vmst::convert::mastodon
