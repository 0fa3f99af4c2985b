#pragma once
// A local account's RSS feed (/@alice.rss, as Mastodon serves it): its latest 20 public posts, without replies,
// boosts or unlisted posts, each with its HTML as the description and its attachments as enclosures.
#include <string>

#include "store/account_store.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

inline constexpr const char* kRssContentType = "application/rss+xml; charset=utf-8";

std::string render_profile_feed(const PublicPages& pages, const store::AccountRecord& account);

// "Fri, 27 Nov 2026 07:49:45 +0000", as RSS dates are written (RFC 822).
std::string rfc822_time(int64_t millis);

}  // namespace vmst::web
