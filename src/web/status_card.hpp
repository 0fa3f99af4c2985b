#pragma once
// One status as the public pages show it (a profile's posts, a thread, a tag page): author, time, content warning
// as a <details> that opens without script, the stored HTML, attachments with their descriptions, counts.
#include <cstdint>
#include <string>

#include "convert/mastodon/status_bundle.hpp"
#include "federation/local_urls.hpp"

namespace vmst::web {

struct StatusCardOptions {
  bool pinned = false;
  bool focused = false;  // the status a permalink page is about
};

// `id` must be in the bundle; a reblog shows what it reblogs, with who boosted it. "" when the bundle lacks it.
std::string render_status_card(const convert::mastodon::StatusBundle& bundle, int64_t id,
                               const federation::LocalUrls& urls, const std::string& local_domain,
                               const StatusCardOptions& options = {});

}  // namespace vmst::web
