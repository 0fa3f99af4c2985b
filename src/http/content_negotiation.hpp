#pragma once
// Whether a request asks for ActivityStreams JSON (a server) or for a page (a browser).
#include <httplib.h>

namespace vmst::http {

// True for Accept headers naming application/activity+json, application/ld+json (any profile) or
// application/json, with or without parameters and spaces: what Mastodon also answers with JSON.
bool wants_activity_json(const httplib::Request& req);

}  // namespace vmst::http
