#include "web/media_proxy_routes.hpp"

#include <charconv>
#include <string>

#include "http/error_responses.hpp"
#include "net/url.hpp"
#include "services/remote_media_cache.hpp"

namespace vmst::web {

namespace {

[[noreturn]] void not_found() { throw http::HttpError(404, "Record not found"); }

int64_t media_id(const std::string& text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value <= 0) not_found();
  return value;
}

}  // namespace

void add_media_proxy_routes(http::Router& router, store::Database& db, const federation::LocalUrls& urls,
                            services::RemoteMediaQueue* queue, std::chrono::milliseconds wait) {
  router.add(http::Method::Get, "/media_proxy/:id/:version",
             [&db, &urls, queue, wait](const httplib::Request&, httplib::Response& res, const http::PathParams& params) {
               const std::string& version = params.get("version");
               if (version != "original" && version != "small") not_found();
               const int64_t id = media_id(params.get("id"));
               auto source = services::publicly_proxied_media(db, id);
               if (!source) not_found();
               // A URL that failed lately is not tried again before its back-off ends: the client goes to the origin.
               if (!source->file_path && queue && !queue->failures().backing_off(*source->remote_url)) {
                 queue->run_and_wait({services::RemoteMediaJob::Kind::Attachment, id}, wait);
                 source = services::publicly_proxied_media(db, id);
                 if (!source) not_found();
               }
               // The answer changes once the copy exists or is pruned: nobody keeps it.
               res.set_header("Cache-Control", "no-store");
               if (source->file_path) {
                 const bool small = version == "small";
                 if (small && !source->thumbnail_path && source->type != "image") {
                   not_found();
                 }
                 const std::string& path = small && source->thumbnail_path ? *source->thumbnail_path : *source->file_path;
                 res.set_redirect(urls.media_file(path), 302);
                 return;
               }
               // Only ever to an http(s) origin: the URL came from another server.
               if (!net::parse_url(*source->remote_url)) not_found();
               res.set_redirect(*source->remote_url, 302);
             });
}

}  // namespace vmst::web
