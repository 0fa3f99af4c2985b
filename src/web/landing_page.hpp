#pragma once
// The front page (/): the instance's title and short description, how many people post here, and the ways in:
// sign in (the web app at /web), sign up when registrations are open, and the About page.
#include "web/public_pages.hpp"

namespace vmst::web {

RenderedHtml render_landing_page(const PublicPages& pages);

}  // namespace vmst::web
