#include "api/media_routes.hpp"

#include <memory>

#include "api/authentication.hpp"
#include "api/path_ids.hpp"
#include "convert/mastodon/media_attachment.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/media.hpp"

namespace vmst::api {

namespace {

// A file part, or a plain field of that name (a part sent without a filename arrives as one).
std::optional<std::string_view> upload_bytes(const http::RequestParams& params, std::string_view name,
                                             std::string& field_storage) {
  if (const auto* file = params.file(name)) return std::string_view(file->content);
  if (auto text = params.string(name)) {
    field_storage = std::move(*text);
    return std::string_view(field_storage);
  }
  return std::nullopt;
}

// 206 while processing, as Mastodon answers polling clients; ours are always ready.
int status_for(const store::MediaRecord& media) { return media.state == "processing" ? 206 : 200; }

}  // namespace

void add_media_routes(http::Router& router, ApiContext& api) {
  using http::Method;
  auto storage = std::make_shared<media::MediaStorage>(api.config.media_path());
  const services::MediaLimits limits{api.config.media.image_size_limit, api.config.media.video_size_limit,
                                     api.config.media.image_matrix_limit};

  auto create = [&api, storage, limits](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
    auto principal = require_user(req, api.db, "write:media");
    auto params = http::RequestParams::from(req);
    std::string file_field, thumbnail_field;
    services::MediaUpload upload;
    upload.file = upload_bytes(params, "file", file_field);
    if (const auto* file = params.file("file")) upload.declared_type = file->content_type;
    upload.thumbnail = upload_bytes(params, "thumbnail", thumbnail_field);
    upload.description = params.string("description");
    upload.focus = params.string("focus");
    auto media = services::upload_media(api.db, *storage, limits, *principal.account_id, upload);
    http::send_json(res, status_for(media), convert::mastodon::media_json(media, api.urls));
  };
  router.add(Method::Post, "/api/v1/media", create);
  router.add(Method::Post, "/api/v2/media", create);

  router.add(Method::Get, "/api/v1/media/:id",
             [&api](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto principal = require_user(req, api.db, "write:media");
               auto media = services::own_unattached_media(api.db, *principal.account_id, path_id(path.get("id")));
               http::send_json(res, status_for(media), convert::mastodon::media_json(media, api.urls));
             });

  router.add(Method::Put, "/api/v1/media/:id",
             [&api, storage, limits](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto principal = require_user(req, api.db, "write:media");
               auto params = http::RequestParams::from(req);
               std::string thumbnail_field;
               services::MediaChange change;
               change.thumbnail = upload_bytes(params, "thumbnail", thumbnail_field);
               change.description = params.string("description");
               change.focus = params.string("focus");
               auto media =
                   services::update_media(api.db, *storage, limits, *principal.account_id, path_id(path.get("id")), change);
               http::send_json(res, status_for(media), convert::mastodon::media_json(media, api.urls));
             });

  router.add(Method::Delete, "/api/v1/media/:id",
             [&api, storage](const httplib::Request& req, httplib::Response& res, const http::PathParams& path) {
               auto principal = require_user(req, api.db, "write:media");
               services::delete_media(api.db, *storage, *principal.account_id, path_id(path.get("id")));
               http::send_json(res, 200, nlohmann::json::object());
             });
}

}  // namespace vmst::api
