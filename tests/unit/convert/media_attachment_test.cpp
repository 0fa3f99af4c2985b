#include "convert/mastodon/media_attachment.hpp"

#include <catch2/catch.hpp>

using namespace vmst;

namespace {

const federation::LocalUrls kUrls{"https://social.example"};

store::MediaRecord remote_picture() {
  store::MediaRecord m;
  m.id = 42;
  m.account_id = 2;
  m.type = "image";
  m.remote_url = "https://remote.example/files/cat.png";
  return m;
}

}  // namespace

TEST_CASE("a remote attachment not cached yet is shown at our media proxy, the origin as remote_url",
          "[convert][media]") {
  auto json = convert::mastodon::media_json(remote_picture(), kUrls);
  CHECK(json["url"] == "https://social.example/media_proxy/42/original");
  CHECK(json["preview_url"] == "https://social.example/media_proxy/42/small");
  CHECK(json["remote_url"] == "https://remote.example/files/cat.png");

  auto video = remote_picture();
  video.type = "video";
  CHECK(convert::mastodon::media_json(video, kUrls)["preview_url"].is_null());
}

TEST_CASE("a cached remote attachment is shown from our copy", "[convert][media]") {
  auto m = remote_picture();
  m.file_path = "cache/media_attachments/42/abc/original.png";
  m.thumbnail_path = "cache/media_attachments/42/abc/small.png";
  auto json = convert::mastodon::media_json(m, kUrls);
  CHECK(json["url"] == "https://social.example/system/media/cache/media_attachments/42/abc/original.png");
  CHECK(json["preview_url"] == "https://social.example/system/media/cache/media_attachments/42/abc/small.png");
  CHECK(json["remote_url"] == "https://remote.example/files/cat.png");
}

TEST_CASE("an attachment kept only as a link (reject_media) points at the origin", "[convert][media]") {
  auto m = remote_picture();
  m.type = "unknown";
  auto json = convert::mastodon::media_json(m, kUrls);
  CHECK(json["url"] == "https://remote.example/files/cat.png");
  CHECK(json["remote_url"] == "https://remote.example/files/cat.png");
}

TEST_CASE("an uncached attachment of a status the proxy does not serve (private, direct) points at the origin",
          "[convert][media]") {
  auto json = convert::mastodon::media_json(remote_picture(), kUrls, /*proxied=*/false);
  CHECK(json["url"] == "https://remote.example/files/cat.png");
  auto m = remote_picture();
  m.file_path = "cache/media_attachments/42/abc/original.png";
  CHECK(convert::mastodon::media_json(m, kUrls, false)["url"] ==
        "https://social.example/system/media/cache/media_attachments/42/abc/original.png");
}
