#pragma once
// Files from static/, served from the copy embedded in the binary:
//   /static/<path>       any embedded asset (web app scripts, styles, icons)
//   /avatars/original/missing.png, /headers/original/missing.png
//                        the default images, at the paths Mastodon uses (clients and peers expect an image URL)
#include <string_view>

#include "http/router.hpp"

namespace vmst::web {

void add_static_routes(http::Router& router);

// By file extension; application/octet-stream when unknown.
std::string_view content_type_for(std::string_view path);

}  // namespace vmst::web
