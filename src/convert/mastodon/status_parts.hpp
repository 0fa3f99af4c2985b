#pragma once
// The parts status_json (status.hpp) is made of, for the cached rendering (status_page_writer.hpp), which keeps the
// static part as bytes under its fingerprint and splices the author, the reblog and the dynamic part around it.
// No key is in two parts. Defined in status.cpp, beside the converter.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"

namespace vmst::convert::mastodon {

// What reads only the status, its attachments, mentions, tags, emoji and application: the same for every viewer,
// changed only by edits.
nlohmann::json status_static_json(const StatusBundle& bundle, const store::StatusRecord& status,
                                  const federation::LocalUrls& urls);
// A digest of every value status_static_json reads.
uint64_t status_static_fingerprint(const StatusBundle& bundle, const store::StatusRecord& status);
// The counts, which change all the time, the poll (its counts, whether it expired, the viewer's votes) and the
// viewer's flags and filter results.
nlohmann::json status_dynamic_json(const StatusBundle& bundle, const store::StatusRecord& status);

inline constexpr const char* kStatusAccountKey = "account";  // the author's Account
inline constexpr const char* kStatusReblogKey = "reblog";    // the reblogged Status, or null

// The custom emoji an account's name, bio and fields use, as loaded in the bundle.
const std::vector<store::CustomEmojiRecord>& account_emojis_of(const StatusBundle& bundle, int64_t account_id);

}  // namespace vmst::convert::mastodon
