#pragma once
// Remote actor documents (Mastodon, GoToSocial, Misskey, Pleroma, Lemmy, Fedify...) read into one shape.
// Pure conversion: no fetching, no storing, no sanitising (federation/actor_resolver does those).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "convert/activitystreams/emoji_tag.hpp"

namespace vmst::convert::as {

struct RemoteActor {
  std::string id;
  std::string type;  // Person, Service, Group, Organization, Application
  std::string preferred_username;
  std::string name;     // display name, may be empty
  std::string summary;  // unsanitised HTML
  std::optional<std::string> url;
  std::string inbox, outbox, shared_inbox, followers, following, featured;
  std::string public_key_id, public_key_pem;
  std::optional<std::string> avatar_url, header_url;
  bool manually_approves_followers = false;
  bool discoverable = false, indexable = false, memorial = false, suspended = false;
  std::vector<std::pair<std::string, std::string>> fields;  // PropertyValue name, unsanitised HTML value
  std::vector<std::string> also_known_as;
  std::optional<std::string> moved_to;
  std::vector<RemoteEmoji> emojis;  // the custom emoji its name, bio and fields use, from its Emoji tags
};

// Reads an actor document. `key_id`, when given, picks that key among several publicKey entries. Returns
// nullopt with a reason when a field every peer needs (id, type, inbox, preferredUsername) is missing or malformed.
std::optional<RemoteActor> parse_remote_actor(const nlohmann::json& doc, const std::string& key_id = "",
                                              std::string* problem = nullptr);

// "id" of a JSON-LD value that may be a string, an object with "id"/"href", or an array of those (first usable).
std::optional<std::string> id_of(const nlohmann::json& value);

}  // namespace vmst::convert::as
