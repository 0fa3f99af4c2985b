#include "convert/mastodon/media_attachment.hpp"

#include "convert/mastodon/render_fingerprints.hpp"
#include "federation/media_proxy_url.hpp"

namespace vmst::convert::mastodon {

namespace {
nlohmann::json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}
}  // namespace

nlohmann::json media_json(const store::MediaRecord& m, const federation::LocalUrls& urls, bool proxied) {
  nlohmann::json url, preview;
  if (m.file_path && m.state == "ready") {
    url = urls.media_file(*m.file_path);
    if (m.thumbnail_path) {
      preview = urls.media_file(*m.thumbnail_path);
    } else if (m.type == "image" || m.type == "gifv") {
      preview = url;
    }
  } else if (m.remote_url && m.type != "unknown" && proxied) {
    // Remote media not copied here yet (or pruned): our media proxy fetches it when asked, as Mastodon's does.
    url = federation::media_proxy_url(urls, m.id, "original");
    if (m.type == "image" || m.type == "gifv") preview = federation::media_proxy_url(urls, m.id, "small");
  } else if (m.remote_url) {
    // Kept only as a link (a reject_media domain, or a type we do not show), or of a status the proxy does not
    // serve to strangers: the origin's URL.
    url = *m.remote_url;
    preview = *m.remote_url;
  }
  auto meta = nlohmann::json::parse(m.meta_json, nullptr, false);
  if (!meta.is_object()) meta = nlohmann::json::object();
  if (m.type == "image" || m.type == "gifv" || m.type == "video") meta["focus"] = {{"x", m.focus_x}, {"y", m.focus_y}};
  return {
      {"id", std::to_string(m.id)},
      {"type", m.type},
      {"url", url},
      {"preview_url", preview},
      {"remote_url", optional_text(m.remote_url)},
      {"preview_remote_url", nullptr},
      {"text_url", nullptr},
      {"meta", meta},
      {"description", optional_text(m.description)},
      {"blurhash", optional_text(m.blurhash)},
  };
}

void add_media_inputs(Fingerprint& f, const store::MediaRecord& m) {
  f.add(m.id).add(m.type).add(m.state).add(m.file_path).add(m.thumbnail_path).add(m.remote_url).add(m.meta_json);
  f.add(m.focus_x).add(m.focus_y).add(m.description).add(m.blurhash);
}

}  // namespace vmst::convert::mastodon
