#include "convert/activitystreams/remote_note.hpp"

#include <algorithm>

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/remote_actor.hpp"
#include "text/html_sanitizer.hpp"
#include "time/timestamps.hpp"

namespace vmst::convert::as {

namespace {

std::vector<std::string> id_list(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const auto& item : value)
      if (auto id = id_of(item)) out.push_back(*id);
  } else if (auto id = id_of(value)) {
    out.push_back(*id);
  }
  return out;
}

std::optional<std::string> text_field(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<std::string> url_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) return text_field(value, "href");
  if (value.is_array()) {
    for (const auto& item : value)
      if (auto url = url_of(item)) return url;
  }
  return std::nullopt;
}

bool is_public(const std::string& uri) { return uri == kPublic || uri == "as:Public" || uri == "Public"; }

}  // namespace

std::optional<RemoteNote> parse_remote_note(const nlohmann::json& object) {
  if (!object.is_object()) return std::nullopt;
  const std::string type = object.value("type", "");
  if (type != "Note" && type != "Article" && type != "Page" && type != "Question") return std::nullopt;
  RemoteNote note;
  auto id = text_field(object, "id");
  auto author = id_of(object.value("attributedTo", nlohmann::json()));
  if (!id || !author) return std::nullopt;
  note.uri = *id;
  note.attributed_to = *author;
  if (object.contains("url")) note.url = url_of(object["url"]);
  note.in_reply_to = id_of(object.value("inReplyTo", nlohmann::json()));
  note.conversation = text_field(object, "conversation");
  if (!note.conversation) note.conversation = text_field(object, "context");
  std::string html = text_field(object, "content").value_or("");
  if (html.empty() && object.contains("contentMap") && object["contentMap"].is_object()) {
    for (const auto& [lang, value] : object["contentMap"].items()) {
      if (value.is_string()) {
        html = value.get<std::string>();
        note.language = lang;
        break;
      }
    }
  } else if (object.contains("contentMap") && object["contentMap"].is_object() && !object["contentMap"].empty()) {
    note.language = object["contentMap"].begin().key();
  }
  // Articles are shown by their title and link, as Mastodon does.
  if (type == "Article" || type == "Page") {
    if (auto name = text_field(object, "name")) html = "<p>" + *name + "</p>" + html;
  }
  note.content = text::sanitize_remote_html(html);
  if (type == "Question") note.poll = parse_question_poll(object);
  if (type == "Note") note.name = text_field(object, "name");
  note.summary = text::html_to_plain_text(text_field(object, "summary").value_or(""));
  note.sensitive = object.value("sensitive", false) || !note.summary.empty();
  if (auto published = text_field(object, "published")) note.published = parse_iso8601(*published);
  if (auto updated = text_field(object, "updated")) note.updated = parse_iso8601(*updated);
  note.to = id_list(object.value("to", nlohmann::json()));
  note.cc = id_list(object.value("cc", nlohmann::json()));
  // JSON-LD compaction writes a single tag as an object rather than a one-element array.
  auto tags = object.value("tag", nlohmann::json::array());
  if (tags.is_object()) tags = nlohmann::json::array({tags});
  note.emojis = parse_emoji_tags(tags);
  if (tags.is_array()) {
    for (const auto& tag : tags) {
      if (!tag.is_object()) continue;
      const std::string kind = tag.value("type", "");
      if (kind == "Mention") {
        if (auto href = text_field(tag, "href")) note.mention_hrefs.push_back(*href);
      } else if (kind == "Hashtag") {
        std::string name = text_field(tag, "name").value_or("");
        if (!name.empty() && name.front() == '#') name.erase(0, 1);
        if (!name.empty()) note.hashtags.push_back(name);
      }
    }
  }
  auto attachments = object.value("attachment", nlohmann::json::array());
  if (attachments.is_object()) attachments = nlohmann::json::array({attachments});
  if (attachments.is_array()) {
    for (const auto& a : attachments) {
      if (!a.is_object()) continue;
      auto url = url_of(a.value("url", nlohmann::json()));
      if (!url) continue;
      RemoteAttachment attachment{*url, a.value("mediaType", ""), text_field(a, "name"), text_field(a, "blurhash"),
                                  std::nullopt, std::nullopt};
      if (a.contains("width") && a["width"].is_number_integer()) attachment.width = a["width"].get<int64_t>();
      if (a.contains("height") && a["height"].is_number_integer()) attachment.height = a["height"].get<int64_t>();
      note.attachments.push_back(std::move(attachment));
      if (note.attachments.size() >= 16) break;
    }
  }
  return note;
}

std::string visibility_of(const RemoteNote& note, const std::string& followers_url) {
  auto has = [](const std::vector<std::string>& list, auto pred) { return std::any_of(list.begin(), list.end(), pred); };
  if (has(note.to, is_public)) return "public";
  if (has(note.cc, is_public)) return "unlisted";
  auto is_followers = [&](const std::string& uri) { return !followers_url.empty() && uri == followers_url; };
  if (has(note.to, is_followers) || has(note.cc, is_followers)) return "private";
  return "direct";
}

}  // namespace vmst::convert::as
