#pragma once
// The instance's short description (`vmst instance description TEXT`): plain text, the `description` of
// /api/v1/instance and /api/v2/instance, as Mastodon's site_short_description. The long text is the about page.
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::services {

inline constexpr size_t kShortDescriptionLimit = 500;  // characters

// Trimmed; "" clears it. Invalid when over the limit or not UTF-8.
std::string set_instance_description(store::Database& db, const std::string& text);

// "" when never set.
std::string instance_description(store::Connection& c);

}  // namespace vmst::services
