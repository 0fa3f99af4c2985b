#pragma once
// The URL of a remote attachment that is not copied here (yet, or any more): our media proxy fetches it when asked
// (web/media_proxy_routes.hpp). Beside LocalUrls, which every layer includes, so that adding it rebuilt nothing.
#include <cstdint>
#include <string>
#include <string_view>

#include "federation/local_urls.hpp"

namespace vmst::federation {

// "/media_proxy/<id>/<version>", version "original" or "small".
inline std::string media_proxy_path(int64_t media_id, std::string_view version) {
  return "/media_proxy/" + std::to_string(media_id) + "/" + std::string(version);
}

inline std::string media_proxy_url(const LocalUrls& urls, int64_t media_id, std::string_view version) {
  return urls.base() + media_proxy_path(media_id, version);
}

}  // namespace vmst::federation
