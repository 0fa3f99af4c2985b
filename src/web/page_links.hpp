#pragma once
// Where the public pages link accounts and statuses, and how they name them.
#include <cstdint>
#include <string>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/status_store.hpp"

namespace vmst::web {

// Our page for the account: /@alice for a local one, /@bob@remote.example for a remote one.
std::string account_page_url(const store::AccountRecord& account, const federation::LocalUrls& urls);

// Our permalink page for a local status; the original page (url, else id) of a remote one.
std::string status_page_url(const store::StatusRecord& status, const store::AccountRecord& author,
                            const federation::LocalUrls& urls);

// The avatar and header the page shows: the upload, the remote image, or the default; defaults for a suspended
// account, as the API shows it (convert/mastodon/account).
std::string avatar_url(const store::AccountRecord& account, const federation::LocalUrls& urls);
std::string header_url(const store::AccountRecord& account, const federation::LocalUrls& urls);

// The display name, or the username when it has none.
std::string display_name(const store::AccountRecord& account);

// "@alice@social.example": the full handle, with `local_domain` for local accounts.
std::string full_handle(const store::AccountRecord& account, const std::string& local_domain);

// The URL when it is http(s), else "#": remote servers choose these, and a page must never link a script URL.
std::string web_url(const std::string& url);

// "27 Nov 2026, 07:49 UTC".
std::string readable_time(int64_t millis);

}  // namespace vmst::web
