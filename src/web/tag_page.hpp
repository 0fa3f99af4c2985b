#pragma once
// A hashtag's page (/tags/NAME): the public statuses tagged with it, local and remote, newest first, 20 a page,
// with "older"/"newer" links.
#include <string>

#include "store/id_page.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

inline constexpr int kTagPageSize = 20;

// HttpError 404 for a name that is not a hashtag or a tag no status ever used.
RenderedHtml render_tag_page(const PublicPages& pages, const std::string& name, const store::IdPage& page);

}  // namespace vmst::web
