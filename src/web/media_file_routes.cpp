#include "web/media_file_routes.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "federation/media_proxy_url.hpp"
#include "http/error_responses.hpp"
#include "media/media_storage.hpp"

namespace vmst::web {

namespace {
constexpr size_t kChunkBytes = 64 * 1024;

// Only the types uploads are stored as; any other name (none is ever written) is served as opaque bytes, so nothing
// under /system/media can be a page, a script or an SVG.
std::string media_content_type(std::string_view relative) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"png", "image/png"},   {"jpg", "image/jpeg"}, {"gif", "image/gif"},   {"webp", "image/webp"},
      {"mp4", "video/mp4"},   {"webm", "video/webm"}, {"mov", "video/quicktime"}, {"mp3", "audio/mpeg"},
      {"ogg", "audio/ogg"},   {"wav", "audio/wav"},  {"flac", "audio/flac"}, {"m4a", "audio/mp4"},
  };
  const auto dot = relative.rfind('.');
  const std::string_view extension = dot == std::string_view::npos ? "" : relative.substr(dot + 1);
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return std::string(type);
  }
  return "application/octet-stream";
}

// A copy of a remote attachment that `vmst media prune` removed: "cache/media_attachments/<id>/<random>/<name>".
// Clients may still hold its URL; the media proxy fetches the file again. Empty when the path is not one.
std::string pruned_copy_redirect(std::string_view relative) {
  constexpr std::string_view kPrefix = "cache/media_attachments/";
  if (!relative.starts_with(kPrefix)) return "";
  relative.remove_prefix(kPrefix.size());
  const auto slash = relative.find('/');
  const std::string_view id = relative.substr(0, slash);
  if (slash == std::string_view::npos || id.empty() || id.size() > 18 ||
      !std::all_of(id.begin(), id.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return "";
  }
  const auto name = relative.substr(relative.rfind('/') + 1);
  return federation::media_proxy_path(std::stoll(std::string(id)), name.starts_with("small.") ? "small" : "original");
}
}  // namespace

void add_media_file_routes(http::Router& router, const std::filesystem::path& media_root) {
  auto storage = std::make_shared<media::MediaStorage>(media_root);
  router.add(http::Method::Get, "/system/media/*path",
             [storage](const httplib::Request&, httplib::Response& res, const http::PathParams& params) {
               const std::string& relative = params.get("path");
               auto file = storage->resolve(relative);
               std::error_code ec;
               const auto size = file ? std::filesystem::file_size(*file, ec) : 0;
               auto stream = file ? std::make_shared<std::ifstream>(*file, std::ios::binary) : nullptr;
               if (!file || ec || !stream || !*stream) {
                 if (auto proxy = pruned_copy_redirect(relative); !file && !proxy.empty()) {
                   res.set_header("Cache-Control", "no-store");
                   res.set_redirect(proxy, 302);
                   return;
                 }
                 throw http::HttpError(404, "Record not found");
               }

               // res.status stays unset: cpp-httplib then answers 200, or 206 when a Range was asked for.
               res.set_header("Cache-Control", "public, max-age=31536000, immutable");
               // The type is ours (from the sniffed extension); browsers must not second-guess it into HTML.
               res.set_header("X-Content-Type-Options", "nosniff");
               // Opened on its own, a file can run nothing and load nothing, whatever is inside it.
               res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
               res.set_header("Access-Control-Allow-Origin", "*");
               // cpp-httplib answers Range requests from a provider of known length itself (206, Content-Range).
               res.set_content_provider(
                   static_cast<size_t>(size), media_content_type(relative),
                   [stream](size_t offset, size_t length, httplib::DataSink& sink) {
                     std::vector<char> buffer(std::min(length, kChunkBytes));
                     stream->clear();
                     stream->seekg(static_cast<std::streamoff>(offset));
                     stream->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                     const auto got = stream->gcount();
                     if (got <= 0) return false;
                     return sink.write(buffer.data(), static_cast<size_t>(got));
                   });
             });
}

}  // namespace vmst::web
