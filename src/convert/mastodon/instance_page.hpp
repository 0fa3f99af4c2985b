#pragma once
// The instance's text pages: ExtendedDescription and PrivacyPolicy {updated_at, content}, TermsOfService
// {effective_date, effective, content, succeeded_by}.
// ExtendedDescription has a null updated_at and "" content when the about page was never written, as in Mastodon.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace vmst::convert::mastodon {

nlohmann::json extended_description_json(std::optional<int64_t> updated_at, const std::string& html);
nlohmann::json privacy_policy_json(int64_t updated_at, const std::string& html);
// The terms in force since effective_at; there is one version of them (no history yet).
nlohmann::json terms_of_service_json(int64_t effective_at, const std::string& html);

}  // namespace vmst::convert::mastodon
