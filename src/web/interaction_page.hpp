#pragma once
// Remote interaction (/authorize_interaction?uri=..., the template our WebFinger answers advertise): someone
// wants to follow, reply to or favourite something from their account here. A local status or account goes to its
// page; a remote one we know is shown with a sign-in link that opens it in the web app; anything else gets the
// same link, where signing in resolves it.
#include <string>
#include <variant>

#include "web/public_pages.hpp"

namespace vmst::web {

struct InteractionRedirect {
  std::string location;
};

// HttpError 400 when `uri` is empty.
std::variant<InteractionRedirect, RenderedHtml> resolve_interaction(const PublicPages& pages, const std::string& uri);

}  // namespace vmst::web
