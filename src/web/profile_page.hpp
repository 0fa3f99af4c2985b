#pragma once
// An account's public page (/@alice, /@bob@remote.example): header, avatar, name, bio, fields with rel="me" links,
// counts, the pinned statuses on the first page, then public and unlisted posts (not replies to others) newest
// first, 20 a page, with "older"/"newer" links (?max_id= / ?min_id=). A suspended account shows only a notice.
#include "store/account_store.hpp"
#include "store/page_range.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

inline constexpr int kProfilePageSize = 20;

// `page` from the query: max_id / min_id, limit kProfilePageSize.
RenderedHtml render_profile_page(const PublicPages& pages, const store::AccountRecord& account,
                                 const store::PageRange& page);

}  // namespace vmst::web
