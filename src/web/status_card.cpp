#include "web/status_card.hpp"

#include "time/timestamps.hpp"
#include "web/page_emoji.hpp"
#include "web/page_links.hpp"
#include "web/page_templates.hpp"
#include "web/remote_interaction_page.hpp"

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

std::vector<text::EmojiImage> emoji_of(
    const std::unordered_map<int64_t, std::vector<store::CustomEmojiRecord>>& by_id, int64_t id,
    const federation::LocalUrls& urls) {
  auto it = by_id.find(id);
  return it == by_id.end() ? std::vector<text::EmojiImage>{} : page_emoji_images(it->second, urls);
}

// Results as Mastodon's pages show them to visitors; a multiple-choice poll counts each voter once.
TemplateData poll_data(const store::PollRecord& poll, int64_t now, const std::vector<text::EmojiImage>& emojis) {
  const bool expired = poll.expires_at && *poll.expires_at <= now;
  const bool show_counts = !poll.hide_totals || expired;
  const int64_t total = poll.multiple ? poll.voters_count.value_or(poll.votes_count) : poll.votes_count;
  TemplateList options;
  for (size_t i = 0; i < poll.options.size(); ++i) {
    const int64_t count = i < poll.votes_counts.size() ? poll.votes_counts[i] : 0;
    TemplateData o;
    o.set("title_html", text_with_emoji(poll.options[i], emojis));
    const int64_t share = total > 0 ? (count * 100 + total / 2) / total : 0;
    o.set("share", show_counts ? TemplateData(std::to_string(share)) : TemplateData(false));
    options.push_back(o);
  }
  TemplateData d;
  d.set("options", options);
  const std::string people = std::to_string(total) + (poll.multiple ? (total == 1 ? " person" : " people")
                                                                     : (total == 1 ? " vote" : " votes"));
  std::string ends;
  if (expired) ends = "Closed";
  else if (poll.expires_at) ends = "Closes " + readable_time(*poll.expires_at);
  d.set("summary", ends.empty() ? people : people + " · " + ends);
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
      b.set("name_html", text_with_emoji(display_name(*booster), emoji_of(bundle.account_emojis, booster->id, urls)));
      b.set("url", account_page_url(*booster, urls));
      d.set("boosted_by", b);
    }
  }
  d.set("author_name_html", text_with_emoji(display_name(*author), emoji_of(bundle.account_emojis, author->id, urls)));
  d.set("author_handle", full_handle(*author, local_domain));
  d.set("author_url", account_page_url(*author, urls));
  d.set("avatar_url", web_url(avatar_url(*author, urls)));
  d.set("permalink", web_url(status_page_url(*status, *author, urls)));
  d.set("created_iso", format_iso8601_seconds(status->created_at));
  d.set("created_label", readable_time(status->created_at));
  d.set("edited", status->edited_at.has_value());
  d.set("unlisted", status->visibility == "unlisted");
  d.set("is_reply", status->in_reply_to_id.has_value() || status->in_reply_to_uri.has_value());
  const auto status_emoji = emoji_of(bundle.emojis, status->id, urls);
  d.set("spoiler_html", status->spoiler_text.empty() ? TemplateData(false)
                                                     : TemplateData(text_with_emoji(status->spoiler_text, status_emoji)));
  // Stored HTML: rendered by vmst for local statuses, sanitised on arrival for remote ones.
  d.set("content", html_with_emoji(status->content, status_emoji));
  TemplateList media;
  if (auto it = bundle.media.find(status->id); it != bundle.media.end()) {
    for (const auto& m : it->second) media.push_back(media_data(m, urls));
  }
  if (auto poll = bundle.polls.find(status->id); poll != bundle.polls.end()) {
    d.set("poll", poll_data(poll->second, bundle.loaded_at, status_emoji));
  } else {
    d.set("poll", false);
  }
  d.set("has_media", !media.empty());
  d.set("sensitive_media", status->sensitive && !media.empty() && status->spoiler_text.empty());
  d.set("media", media);
  d.set("replies_count", std::to_string(status->replies_count));
  d.set("reblogs_count", std::to_string(status->reblogs_count));
  d.set("favourites_count", std::to_string(status->favourites_count));
  // The permalink's post offers the actions; they ask visitors for their own server first.
  d.set("interact_url", options.focused ? TemplateData(remote_interaction_form_url(status->uri)) : TemplateData(false));
  return render_template("status_card", d);
}

}  // namespace vmst::web
