#pragma once
// The About page (/about): the short description, a table of contents, the admin's Markdown pages (`vmst page`:
// about, AI policy, funding, FAQ, privacy, terms...), the rules, the moderated servers, and who to contact.
#include "web/public_pages.hpp"

namespace vmst::web {

RenderedHtml render_about_page(const PublicPages& pages);

}  // namespace vmst::web
