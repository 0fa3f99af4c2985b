#pragma once
// The public, server-rendered pages:
//   /                          landing page
//   /about                     about, rules, admin pages, contact and staff
//   /about/more                old Mastodon address of /about (redirect)
//   /about/moderated-servers   limited and suspended servers
//   /@alice /@bob@remote       profiles (via send_account_page: /:handle also answers ActivityStreams JSON)
//   /@alice.rss                RSS feed
//   /@alice/ID                 status permalink with its thread
//   /tags/NAME                 hashtag page
//   /authorize_interaction     remote interaction (someone elsewhere acts on a thing here; our subscribe template)
//   /interact                  the other way: a visitor acts from their own server (remote_interaction_routes)
//   /robots.txt                from the [web] settings
// Errors on these paths are HTML pages, not the API's JSON.
#include <httplib.h>

#include <functional>
#include <string>

#include "http/router.hpp"
#include "web/public_pages.hpp"

namespace vmst::web {

// `pages` holds references: what they refer to must outlive the router.
void add_public_page_routes(http::Router& router, const PublicPages& pages);

// Runs a page handler; whatever it throws becomes an HTML error page (404s and 5xx with a fixed message).
void with_error_page(const PublicPages& pages, httplib::Response& res, const std::function<void()>& handler);

// The page (or feed) for /:handle, "@alice", "@alice.rss" or "@bob@remote.example"; errors as HTML pages.
void send_account_page(const PublicPages& pages, const httplib::Request& req, httplib::Response& res,
                       const std::string& handle_segment);

}  // namespace vmst::web
