#pragma once
// Remote interaction from the public pages, for visitors whose account is on another server:
//   GET  /interact?uri=ID   the form asking for their handle (ID: the ActivityPub id of an account or a status)
//   POST /interact          looks the handle's server up (WebFinger subscribe template) and redirects there
// The form carries a one-time CSRF token bound to an HttpOnly cookie, as the OAuth sign-in form does.
#include "federation/webfinger_client.hpp"
#include "http/router.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

// `pages` and `webfinger` must outlive the router.
void add_remote_interaction_routes(http::Router& router, const PublicPages& pages,
                                   federation::WebfingerClient& webfinger);

}  // namespace vmst::web
