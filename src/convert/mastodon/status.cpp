#include "convert/mastodon/status.hpp"

#include "convert/mastodon/account.hpp"
#include "convert/mastodon/custom_emoji.hpp"
#include "convert/mastodon/render_fingerprints.hpp"
#include "convert/mastodon/status_parts.hpp"
#include "convert/mastodon/filter.hpp"
#include "convert/mastodon/poll.hpp"
#include "text/hashtag_name.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::mastodon {

namespace {

nlohmann::json optional_id(const std::optional<int64_t>& id) {
  return id ? nlohmann::json(std::to_string(*id)) : nlohmann::json();
}

nlohmann::json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

nlohmann::json mentions_json(const StatusBundle& bundle, int64_t status_id) {
  nlohmann::json out = nlohmann::json::array();
  auto it = bundle.mentions.find(status_id);
  if (it == bundle.mentions.end()) return out;
  for (int64_t account_id : it->second) {
    const auto* account = bundle.account(account_id);
    if (!account) continue;
    out.push_back({{"id", std::to_string(account->id)},
                   {"username", account->username},
                   {"url", account->url.value_or(account->uri)},
                   {"acct", acct_of(*account)}});
  }
  return out;
}

const nlohmann::json& rendered_account(const StatusBundle& bundle, const store::AccountRecord& account,
                                       const federation::LocalUrls& urls) {
  auto it = bundle.rendered_accounts.find(account.id);
  if (it == bundle.rendered_accounts.end()) {
    it = bundle.rendered_accounts.emplace(account.id, account_json(account, urls, account_emojis_of(bundle, account.id)))
             .first;
  }
  return it->second;
}

// The viewer's filters that matched the status (FilterResult), for clients to warn, blur or hide.
nlohmann::json filtered_json(const StatusBundle& bundle, int64_t status_id) {
  nlohmann::json out = nlohmann::json::array();
  auto it = bundle.filter_hits.find(status_id);
  if (it == bundle.filter_hits.end()) return out;
  for (const auto& hit : it->second) {
    if (hit.filter < bundle.filters.size()) out.push_back(filter_result_json(bundle.filters[hit.filter], hit));
  }
  return out;
}

nlohmann::json status_emojis_json(const StatusBundle& bundle, int64_t status_id, const federation::LocalUrls& urls) {
  auto it = bundle.emojis.find(status_id);
  return it == bundle.emojis.end() ? nlohmann::json::array() : custom_emojis_json(it->second, urls);
}

nlohmann::json status_poll_json(const StatusBundle& bundle, int64_t status_id) {
  auto it = bundle.polls.find(status_id);
  if (it == bundle.polls.end()) return nullptr;
  std::optional<PollViewer> viewer;
  if (bundle.viewer_account_id) {
    viewer = PollViewer{*bundle.viewer_account_id, {}};
    if (auto votes = bundle.own_poll_votes.find(it->second.id); votes != bundle.own_poll_votes.end()) {
      viewer->own_votes = votes->second;
    }
  }
  return poll_json(it->second, viewer, bundle.loaded_at);
}

void add_viewer_flags(nlohmann::json& json, const StatusBundle& bundle, const store::StatusRecord& status) {
  if (!bundle.viewer_account_id) return;
  const auto& v = bundle.viewer;
  json["favourited"] = v.favourited.contains(status.id);
  json["reblogged"] = v.reblogged.contains(status.id);
  json["muted"] = v.muted.contains(status.id);
  json["bookmarked"] = v.bookmarked.contains(status.id);
  if (status.account_id == *bundle.viewer_account_id) json["pinned"] = v.pinned.contains(status.id);
  json["filtered"] = filtered_json(bundle, status.id);
}

}  // namespace

const std::vector<store::CustomEmojiRecord>& account_emojis_of(const StatusBundle& bundle, int64_t account_id) {
  static const std::vector<store::CustomEmojiRecord> none;
  auto it = bundle.account_emojis.find(account_id);
  return it == bundle.account_emojis.end() ? none : it->second;
}

nlohmann::json status_static_json(const StatusBundle& bundle, const store::StatusRecord& s,
                                  const federation::LocalUrls& urls) {
  nlohmann::json media = nlohmann::json::array();
  if (auto it = bundle.media.find(s.id); it != bundle.media.end()) {
    const bool proxied = s.visibility == "public" || s.visibility == "unlisted";
    for (const auto& m : it->second) media.push_back(media_json(m, urls, proxied));
  }
  nlohmann::json tags = nlohmann::json::array();
  if (auto it = bundle.tags.find(s.id); it != bundle.tags.end()) {
    for (const auto& name : it->second) tags.push_back({{"name", name}, {"url", urls.tag_page(text::hashtag_path_segment(name))}});
  }
  nlohmann::json application;
  if (s.application_id) {
    if (auto it = bundle.applications.find(*s.application_id); it != bundle.applications.end()) {
      application = {{"name", it->second.name}, {"website", optional_text(it->second.website)}};
    }
  }
  return {
      {"id", std::to_string(s.id)},
      {"uri", s.uri},
      {"url", s.reblog_of_id ? nlohmann::json() : nlohmann::json(s.url.value_or(s.uri))},
      {"created_at", format_iso8601_millis(s.created_at)},
      {"content", s.reblog_of_id ? "" : s.content},
      {"visibility", s.visibility},
      {"sensitive", s.sensitive},
      {"spoiler_text", s.spoiler_text},
      {"media_attachments", media},
      {"mentions", mentions_json(bundle, s.id)},
      {"tags", tags},
      {"emojis", status_emojis_json(bundle, s.id, urls)},
      {"in_reply_to_id", optional_id(s.in_reply_to_id)},
      {"in_reply_to_account_id", optional_id(s.in_reply_to_account_id)},
      {"card", nullptr},
      {"language", optional_text(s.language)},
      {"edited_at", s.edited_at ? nlohmann::json(format_iso8601_millis(*s.edited_at)) : nlohmann::json()},
      {"text", nullptr},
      {"application", application},
  };
}

// Keep in step with status_static_json and the helpers it calls (mentions_json, media_json, custom_emojis_json): a
// value read there but not fed here would let a changed status be served from its old bytes.
// tests/unit/convert/status_page_writer_test.cpp changes each input and expects new output.
uint64_t status_static_fingerprint(const StatusBundle& bundle, const store::StatusRecord& s) {
  Fingerprint f;
  f.add(s.id).add(s.uri).add(s.url).add(s.reblog_of_id.has_value()).add(s.created_at).add(s.content);
  f.add(s.visibility).add(s.sensitive).add(s.spoiler_text).add(s.in_reply_to_id).add(s.in_reply_to_account_id);
  f.add(s.language).add(s.edited_at);
  // Each list's length goes in first, absent lists as empty ones, so no two different pages feed the same values.
  const auto media = bundle.media.find(s.id);
  f.add(media == bundle.media.end() ? int64_t{0} : static_cast<int64_t>(media->second.size()));
  if (media != bundle.media.end()) {
    for (const auto& m : media->second) add_media_inputs(f, m);
  }
  const auto mentions = bundle.mentions.find(s.id);
  f.add(mentions == bundle.mentions.end() ? int64_t{0} : static_cast<int64_t>(mentions->second.size()));
  if (mentions != bundle.mentions.end()) {
    for (int64_t account_id : mentions->second) {
      const auto* account = bundle.account(account_id);
      f.add(account_id).add(account != nullptr);
      if (account) f.add(account->username).add(account->domain).add(account->url).add(account->uri);
    }
  }
  static const std::vector<std::string> kNoTags;
  static const std::vector<store::CustomEmojiRecord> kNoEmojis;
  const auto tags = bundle.tags.find(s.id);
  f.add(tags == bundle.tags.end() ? kNoTags : tags->second);
  const auto emojis = bundle.emojis.find(s.id);
  add_custom_emoji_inputs(f, emojis == bundle.emojis.end() ? kNoEmojis : emojis->second);
  f.add(s.application_id);
  if (s.application_id) {
    auto it = bundle.applications.find(*s.application_id);
    f.add(it != bundle.applications.end());
    if (it != bundle.applications.end()) f.add(it->second.name).add(it->second.website);
  }
  return f.value();
}

nlohmann::json status_dynamic_json(const StatusBundle& bundle, const store::StatusRecord& s) {
  // Built by assignment rather than from an initializer list: this part is built for every status of every page.
  nlohmann::json json = nlohmann::json::object();
  json["reblogs_count"] = s.reblogs_count;
  json["favourites_count"] = s.favourites_count;
  json["replies_count"] = s.replies_count;
  json["poll"] = status_poll_json(bundle, s.id);
  add_viewer_flags(json, bundle, s);
  return json;
}

namespace {

nlohmann::json render(const StatusBundle& bundle, const store::StatusRecord& s, const store::AccountRecord& author,
                      const federation::LocalUrls& urls, nlohmann::json reblog) {
  nlohmann::json json = status_static_json(bundle, s, urls);
  json[kStatusAccountKey] = rendered_account(bundle, author, urls);
  json[kStatusReblogKey] = std::move(reblog);
  json.update(status_dynamic_json(bundle, s));
  return json;
}

}  // namespace

nlohmann::json tag_json(const std::string& name, const federation::LocalUrls& urls) {
  return {{"name", name}, {"url", urls.tag_page(text::hashtag_path_segment(name))}, {"history", nlohmann::json::array()}};
}

nlohmann::json status_json(const StatusBundle& bundle, int64_t status_id, const federation::LocalUrls& urls) {
  const auto* status = bundle.status(status_id);
  if (!status) return nullptr;
  const auto* author = bundle.account(status->account_id);
  if (!author) return nullptr;
  nlohmann::json reblog;
  if (status->reblog_of_id) {
    const auto* original = bundle.status(*status->reblog_of_id);
    const auto* original_author = original ? bundle.account(original->account_id) : nullptr;
    if (!original || !original_author) return nullptr;
    reblog = render(bundle, *original, *original_author, urls, nullptr);
  }
  return render(bundle, *status, *author, urls, std::move(reblog));
}

}  // namespace vmst::convert::mastodon
