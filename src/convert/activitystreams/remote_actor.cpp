#include "convert/activitystreams/remote_actor.hpp"

#include "net/url.hpp"

namespace vmst::convert::as {

namespace {
using nlohmann::json;

std::string string_of(const json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

bool bool_of(const json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_boolean() && it->get<bool>();
}

std::string url_field(const json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end()) return "";
  auto id = id_of(*it);
  return id && net::parse_url(*id) ? *id : "";
}

// icon/image: an Image object, an array of them, or a bare URL.
std::optional<std::string> image_url(const json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end()) return std::nullopt;
  const json* image = &*it;
  if (image->is_array()) {
    if (image->empty()) return std::nullopt;
    image = &(*image)[0];
  }
  if (image->is_string()) return image->get<std::string>();
  if (image->is_object() && image->contains("url")) {
    auto url = id_of((*image)["url"]);
    if (url && net::parse_url(*url)) return url;
  }
  return std::nullopt;
}

std::vector<std::string> id_list(const json& doc, const char* key) {
  std::vector<std::string> out;
  auto it = doc.find(key);
  if (it == doc.end()) return out;
  if (it->is_array()) {
    for (const auto& item : *it) {
      if (auto id = id_of(item)) out.push_back(*id);
    }
  } else if (auto id = id_of(*it)) {
    out.push_back(*id);
  }
  return out;
}
}  // namespace

std::optional<std::string> id_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object()) {
    for (const char* key : {"id", "href"}) {
      auto it = value.find(key);
      if (it != value.end() && it->is_string()) return it->get<std::string>();
    }
  }
  if (value.is_array()) {
    for (const auto& item : value) {
      if (auto id = id_of(item)) return id;
    }
  }
  return std::nullopt;
}

std::optional<RemoteActor> parse_remote_actor(const json& doc, const std::string& key_id, std::string* problem) {
  auto fail = [&](const std::string& why) -> std::optional<RemoteActor> {
    if (problem) *problem = why;
    return std::nullopt;
  };
  if (!doc.is_object()) return fail("actor document is not a JSON object");
  RemoteActor a;
  a.id = string_of(doc, "id");
  if (!net::parse_url(a.id)) return fail("actor id is missing or not an http(s) URL");
  a.type = string_of(doc, "type");
  if (a.type != "Person" && a.type != "Service" && a.type != "Group" && a.type != "Organization" &&
      a.type != "Application") {
    return fail("not an actor type: \"" + a.type + "\"");
  }
  a.preferred_username = string_of(doc, "preferredUsername");
  if (a.preferred_username.empty()) return fail("actor has no preferredUsername");
  a.inbox = url_field(doc, "inbox");
  if (a.inbox.empty()) return fail("actor has no inbox");

  a.name = string_of(doc, "name");
  a.summary = string_of(doc, "summary");
  if (auto url = id_list(doc, "url"); !url.empty() && net::parse_url(url.front())) a.url = url.front();
  a.outbox = url_field(doc, "outbox");
  a.followers = url_field(doc, "followers");
  a.following = url_field(doc, "following");
  a.featured = url_field(doc, "featured");
  if (auto endpoints = doc.find("endpoints"); endpoints != doc.end() && endpoints->is_object()) {
    a.shared_inbox = url_field(*endpoints, "sharedInbox");
  }
  a.avatar_url = image_url(doc, "icon");
  a.header_url = image_url(doc, "image");
  a.manually_approves_followers = bool_of(doc, "manuallyApprovesFollowers");
  a.discoverable = bool_of(doc, "discoverable");
  a.indexable = bool_of(doc, "indexable");
  a.memorial = bool_of(doc, "memorial");
  a.suspended = bool_of(doc, "suspended");
  a.also_known_as = id_list(doc, "alsoKnownAs");
  if (auto moved = doc.find("movedTo"); moved != doc.end()) a.moved_to = id_of(*moved);
  if (auto tags = doc.find("tag"); tags != doc.end()) a.emojis = parse_emoji_tags(*tags);

  // publicKey may be one object or several; prefer the one the request was signed with.
  if (auto keys = doc.find("publicKey"); keys != doc.end()) {
    std::vector<const json*> candidates;
    if (keys->is_array()) {
      for (const auto& k : *keys) candidates.push_back(&k);
    } else {
      candidates.push_back(&*keys);
    }
    for (const json* key : candidates) {
      if (!key->is_object()) continue;
      std::string id = string_of(*key, "id");
      std::string pem = string_of(*key, "publicKeyPem");
      if (pem.empty()) continue;
      if (a.public_key_pem.empty() || (!key_id.empty() && id == key_id)) {
        a.public_key_id = id;
        a.public_key_pem = pem;
      }
    }
  }

  if (auto attachments = doc.find("attachment"); attachments != doc.end() && attachments->is_array()) {
    for (const auto& item : *attachments) {
      if (item.is_object() && string_of(item, "type") == "PropertyValue") {
        a.fields.emplace_back(string_of(item, "name"), string_of(item, "value"));
      }
    }
  }
  return a;
}

}  // namespace vmst::convert::as
