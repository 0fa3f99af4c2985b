#include "web/status_card.hpp"

#include "time/timestamps.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"

namespace vmst::web {

namespace {

TemplateData media_data(const store::MediaRecord& m, const federation::LocalUrls& urls) {
  std::string url, preview;
  if (m.file_path) {
    url = urls.media_file(*m.file_path);
    preview = m.thumbnail_path ? urls.media_file(*m.thumbnail_path) : url;
  } else if (m.remote_url) {
    url = web_url(*m.remote_url);
    preview = url;
  }
  TemplateData d;
  d.set("url", url);
  d.set("preview_url", preview);
  // The link around a picture takes its name from the alt text: without one, screen readers would read a bare URL.
  const std::string description = m.description.value_or("");
  d.set("description", description.empty() ? std::string("Attachment without a description") : description);
  d.set("is_image", m.type == "image" || m.type == "unknown");
  d.set("is_video", m.type == "video" || m.type == "gifv");
  d.set("is_gifv", m.type == "gifv");
  d.set("is_audio", m.type == "audio");
  return d;
}

}  // namespace

std::string render_status_card(const convert::mastodon::StatusBundle& bundle, int64_t id,
                               const federation::LocalUrls& urls, const std::string& local_domain,
                               const StatusCardOptions& options) {
  const store::StatusRecord* wrapper = bundle.status(id);
  if (!wrapper) return "";
  const store::StatusRecord* status = wrapper->reblog_of_id ? bundle.status(*wrapper->reblog_of_id) : wrapper;
  if (!status) return "";
  const store::AccountRecord* author = bundle.account(status->account_id);
  if (!author) return "";

  TemplateData d;
  d.set("id", std::to_string(status->id));
  d.set("focused", options.focused);
  d.set("pinned", options.pinned);
  if (wrapper != status) {
    if (const store::AccountRecord* booster = bundle.account(wrapper->account_id)) {
      TemplateData b;
      b.set("name", display_name(*booster));
      b.set("url", account_page_url(*booster, urls));
      d.set("boosted_by", b);
    }
  }
  d.set("author_name", display_name(*author));
  d.set("author_handle", full_handle(*author, local_domain));
  d.set("author_url", account_page_url(*author, urls));
  d.set("avatar_url", web_url(avatar_url(*author, urls)));
  d.set("permalink", web_url(status_page_url(*status, *author, urls)));
  d.set("created_iso", format_iso8601_seconds(status->created_at));
  d.set("created_label", readable_time(status->created_at));
  d.set("edited", status->edited_at.has_value());
  d.set("unlisted", status->visibility == "unlisted");
  d.set("is_reply", status->in_reply_to_id.has_value() || status->in_reply_to_uri.has_value());
  d.set("spoiler_text", text_or_false(status->spoiler_text));
  // Stored HTML: rendered by vmst for local statuses, sanitised on arrival for remote ones.
  d.set("content", status->content);
  TemplateList media;
  if (auto it = bundle.media.find(status->id); it != bundle.media.end()) {
    for (const auto& m : it->second) media.push_back(media_data(m, urls));
  }
  d.set("has_media", !media.empty());
  d.set("sensitive_media", status->sensitive && !media.empty() && status->spoiler_text.empty());
  d.set("media", media);
  d.set("replies_count", std::to_string(status->replies_count));
  d.set("reblogs_count", std::to_string(status->reblogs_count));
  d.set("favourites_count", std::to_string(status->favourites_count));
  return render_template("status_card", d);
}

}  // namespace vmst::web
