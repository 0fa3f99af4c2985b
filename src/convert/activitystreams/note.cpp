#include "convert/activitystreams/note.hpp"

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/emoji_tag.hpp"
#include "convert/activitystreams/question.hpp"
#include "text/hashtag_name.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::as {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json();
}

std::vector<std::string> uris_of(const std::vector<store::AccountRecord>& accounts) {
  std::vector<std::string> out;
  for (const auto& a : accounts) out.push_back(a.uri);
  return out;
}

std::string handle_of(const store::AccountRecord& account, const federation::LocalUrls& urls) {
  if (account.domain) return "@" + account.username + "@" + *account.domain;
  // Local accounts are written with our domain, which is the authority part of the base URL.
  auto authority = urls.base().substr(urls.base().find("://") + 3);
  return "@" + account.username + "@" + authority;
}

nlohmann::json attachment(const store::MediaRecord& m, const federation::LocalUrls& urls) {
  nlohmann::json doc = {{"type", "Document"},
                        {"mediaType", m.file_content_type.value_or("application/octet-stream")},
                        {"url", m.file_path ? urls.media_file(*m.file_path) : m.remote_url.value_or("")},
                        {"name", optional_text(m.description)},
                        {"blurhash", optional_text(m.blurhash)}};
  auto meta = nlohmann::json::parse(m.meta_json, nullptr, false);
  if (meta.is_object() && meta.contains("original") && meta["original"].is_object()) {
    if (meta["original"].contains("width")) doc["width"] = meta["original"]["width"];
    if (meta["original"].contains("height")) doc["height"] = meta["original"]["height"];
  }
  if (m.focus_x != 0 || m.focus_y != 0) doc["focalPoint"] = {m.focus_x, m.focus_y};
  return doc;
}

nlohmann::json wrap(const char* type, const std::string& id, const NoteParts& parts, nlohmann::json object,
                    int64_t published) {
  return {{"@context", object_context()},
          {"id", id},
          {"type", type},
          {"actor", parts.author.uri},
          {"published", format_iso8601_seconds(published)},
          {"to", object["to"]},
          {"cc", object["cc"]},
          {"object", std::move(object)}};
}

}  // namespace

Addressing addressing_for(const std::string& visibility, const std::string& followers_url,
                          const std::vector<std::string>& mentioned) {
  Addressing a;
  if (visibility == "public") {
    a.to = {kPublic};
    a.cc = {followers_url};
    a.cc.insert(a.cc.end(), mentioned.begin(), mentioned.end());
  } else if (visibility == "unlisted") {
    a.to = {followers_url};
    a.cc = {kPublic};
    a.cc.insert(a.cc.end(), mentioned.begin(), mentioned.end());
  } else if (visibility == "private") {
    a.to = {followers_url};
    a.cc = mentioned;
  } else {
    a.to = mentioned;
  }
  return a;
}

nlohmann::json note(const NoteParts& p, const federation::LocalUrls& urls) {
  const auto& s = p.status;
  auto addressing = addressing_for(s.visibility, p.author.followers_url, uris_of(p.mentioned));
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& m : p.mentioned) tags.push_back({{"type", "Mention"}, {"href", m.uri}, {"name", handle_of(m, urls)}});
  for (const auto& t : p.tags) tags.push_back({{"type", "Hashtag"}, {"href", urls.tag_page(text::hashtag_path_segment(t))}, {"name", "#" + t}});
  for (const auto& e : p.emojis) tags.push_back(emoji_tag(e, urls));
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& m : p.media) attachments.push_back(attachment(m, urls));
  nlohmann::json json = {
      {"id", s.uri},
      {"type", "Note"},
      {"summary", s.spoiler_text.empty() ? nlohmann::json() : nlohmann::json(s.spoiler_text)},
      {"inReplyTo", optional_text(p.in_reply_to_uri)},
      {"published", format_iso8601_seconds(s.created_at)},
      {"url", s.url.value_or(s.uri)},
      {"attributedTo", p.author.uri},
      {"to", addressing.to},
      {"cc", addressing.cc},
      {"sensitive", s.sensitive},
      {"atomUri", s.uri},
      {"inReplyToAtomUri", optional_text(p.in_reply_to_uri)},
      {"conversation", optional_text(p.conversation_uri)},
      {"content", s.content},
      {"attachment", attachments},
      {"tag", tags},
  };
  if (s.language) json["contentMap"] = {{*s.language, s.content}};
  if (s.edited_at) json["updated"] = format_iso8601_seconds(*s.edited_at);
  if (p.poll) add_question_fields(json, *p.poll, now_millis());
  return json;
}

nlohmann::json create_note(const NoteParts& parts, const federation::LocalUrls& urls) {
  auto object = note(parts, urls);
  object.erase("@context");
  return wrap("Create", parts.status.uri + "/activity", parts, std::move(object), parts.status.created_at);
}

nlohmann::json update_note(const NoteParts& parts, const federation::LocalUrls& urls) {
  auto object = note(parts, urls);
  const int64_t at = parts.status.edited_at.value_or(parts.status.updated_at);
  return wrap("Update", parts.status.uri + "#updates/" + std::to_string(at), parts, std::move(object), at);
}

nlohmann::json delete_note(const store::StatusRecord& status, const store::AccountRecord& author,
                           const std::vector<std::string>& mentioned_uris) {
  auto addressing = addressing_for(status.visibility, author.followers_url, mentioned_uris);
  return {{"@context", kActivityStreams},
          {"id", status.uri + "#delete"},
          {"type", "Delete"},
          {"actor", author.uri},
          {"to", addressing.to},
          {"cc", addressing.cc},
          {"object", {{"id", status.uri}, {"type", "Tombstone"}, {"atomUri", status.uri}}}};
}

nlohmann::json announce(const store::StatusRecord& reblog, const store::AccountRecord& booster,
                        const store::StatusRecord& original, const store::AccountRecord& original_author) {
  nlohmann::json to = nlohmann::json::array(), cc = nlohmann::json::array();
  if (reblog.visibility == "public") {
    to.push_back(kPublic);
    cc = {original_author.uri, booster.followers_url};
  } else {
    to.push_back(booster.followers_url);
    cc = {original_author.uri};
  }
  return {{"@context", kActivityStreams},
          {"id", reblog.uri},
          {"type", "Announce"},
          {"actor", booster.uri},
          {"published", format_iso8601_seconds(reblog.created_at)},
          {"to", to},
          {"cc", cc},
          {"object", original.uri}};
}

nlohmann::json undo(const nlohmann::json& activity, const std::string& actor_uri) {
  nlohmann::json inner = activity;
  inner.erase("@context");
  return {{"@context", kActivityStreams},
          {"id", activity.value("id", actor_uri) + "/undo"},
          {"type", "Undo"},
          {"actor", actor_uri},
          {"object", std::move(inner)}};
}

nlohmann::json like(const store::AccountRecord& liker, int64_t favourite_id, const std::string& object_uri) {
  return {{"@context", kActivityStreams},
          {"id", liker.uri + "#likes/" + std::to_string(favourite_id)},
          {"type", "Like"},
          {"actor", liker.uri},
          {"object", object_uri}};
}

}  // namespace vmst::convert::as
