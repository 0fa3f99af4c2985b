#pragma once
// GET /system/media/<path>: uploaded files from <data_dir>/media, at the URLs LocalUrls::media_file() hands out.
// Paths are checked segment by segment (no "..", no hidden or odd names, no symbolic links), the type comes from
// the extension the upload was given after sniffing its bytes, and files are streamed with Range support (video
// players seek with it). Every stored file has a unique name, so responses are cached as immutable.
// A pruned copy of a remote attachment (under cache/media_attachments/<id>/) redirects to /media_proxy/<id>/...,
// which fetches it again.
#include <filesystem>

#include "http/router.hpp"

namespace vmst::web {

void add_media_file_routes(http::Router& router, const std::filesystem::path& media_root);

}  // namespace vmst::web
