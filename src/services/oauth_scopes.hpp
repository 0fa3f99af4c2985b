#pragma once
// OAuth scopes as Mastodon defines them (config/initializers/doorkeeper.rb): the three umbrella scopes, their
// granular parts, `push`, `profile`, the legacy `follow`, and `admin:*`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::services {

// Splits a space-separated scope string. nullopt when a scope is unknown. An empty string gives fallback.
std::optional<std::vector<std::string>> parse_scopes(std::string_view text, std::string_view fallback = "read");

std::string join_scopes(const std::vector<std::string>& scopes);

// True when the granted scopes allow an action needing `required` ("read:statuses", "write:media", "follow",
// "push", "profile"): the exact scope, its umbrella ("read" covers every "read:*"), or the legacy `follow`, which
// covers reading and writing follows, blocks and mutes.
bool scopes_allow(const std::vector<std::string>& granted, std::string_view required);

// True when every requested scope is covered by the application's registered scopes (a request may narrow them).
bool scopes_within(const std::vector<std::string>& requested, const std::vector<std::string>& registered);

const std::vector<std::string>& all_known_scopes();

}  // namespace vmst::services
