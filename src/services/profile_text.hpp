#pragma once
// A bio and profile field values as Mastodon renders them: the same formatter as posts (links, mentions of known
// accounts, hashtags), fields on one line with rel="me" on their links for verification. Mentions are linked
// only for accounts already known: rendering a profile never fetches.
#include <string>
#include <string_view>

#include "federation/local_urls.hpp"
#include "store/database.hpp"

namespace vmst::services {

std::string render_profile_note(store::Connection& c, const federation::LocalUrls& urls,
                                const std::string& local_domain, std::string_view text);

std::string render_profile_field_value(store::Connection& c, const federation::LocalUrls& urls,
                                       const std::string& local_domain, std::string_view text);

}  // namespace vmst::services
