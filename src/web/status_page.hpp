#pragma once
// A status's permalink page (/@alice/ID): the thread around it (ancestors, the status, replies), showing only
// what an anonymous reader may see (public and unlisted). Private, followers-only and direct statuses, and
// reblogs, are not found.
#include <cstdint>

#include "store/account_store.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

// HttpError 404 when the status is not `author`'s, or not public or unlisted.
RenderedHtml render_status_page(const PublicPages& pages, const store::AccountRecord& author, int64_t status_id);

}  // namespace vmst::web
