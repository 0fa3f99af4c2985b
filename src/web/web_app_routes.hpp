#pragma once
// The logged-in web app: GET /web and /web/* answer the app shell (static/web/index.html); the page loads its
// ES modules and styles from /static/web/ and talks to the client API and the streaming listener like any other
// client. The shell is the only HTML it needs, so every in-app address (/web/statuses/1, /web/callback, ...) can be
// reloaded or shared.
// /static/web/* is served here too (more specific than /static/*): the modules import each other by fixed names,
// so they are revalidated by ETag on every load instead of cached for a day; an upgrade never mixes old and new
// modules.
#include <string>

#include "http/router.hpp"

namespace vmst::web {

// No inline script or style, nothing but our own origin (and the streaming listener, which is usually another port
// or host) for scripts, styles and connections; images and media may come from remote servers (avatars, emoji,
// media of posts not cached here) over https, or over http when the instance itself is served over http. Never
// framed.
std::string web_app_content_security_policy(const std::string& base_url, const std::string& streaming_url);

// A strong validator for an embedded file's bytes.
std::string entity_tag(std::string_view content);

void add_web_app_routes(http::Router& router, const std::string& base_url, const std::string& streaming_url);

}  // namespace vmst::web
