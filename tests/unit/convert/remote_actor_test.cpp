#include "convert/activitystreams/remote_actor.hpp"

#include <catch2/catch.hpp>

using nlohmann::json;
using vmst::convert::as::parse_remote_actor;

namespace {
// Shaped like Mastodon 4.x's ActorSerializer output.
json mastodon_actor() {
  return json::parse(R"({
    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1", {"toot": "http://joinmastodon.org/ns#"}],
    "id": "https://mastodon.example/users/Gargron",
    "type": "Person",
    "following": "https://mastodon.example/users/Gargron/following",
    "followers": "https://mastodon.example/users/Gargron/followers",
    "inbox": "https://mastodon.example/users/Gargron/inbox",
    "outbox": "https://mastodon.example/users/Gargron/outbox",
    "featured": "https://mastodon.example/users/Gargron/collections/featured",
    "preferredUsername": "Gargron",
    "name": "Eugen 🐘",
    "summary": "<p>Founder</p>",
    "url": "https://mastodon.example/@Gargron",
    "manuallyApprovesFollowers": false,
    "discoverable": true,
    "indexable": true,
    "published": "2016-03-16T00:00:00Z",
    "memorial": false,
    "publicKey": {"id": "https://mastodon.example/users/Gargron#main-key", "owner": "https://mastodon.example/users/Gargron",
                  "publicKeyPem": "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n"},
    "attachment": [{"type": "PropertyValue", "name": "Patreon", "value": "<a href=\"https://www.patreon.com/mastodon\">patreon</a>"}],
    "alsoKnownAs": ["https://old.example/users/gargron"],
    "endpoints": {"sharedInbox": "https://mastodon.example/inbox"},
    "icon": {"type": "Image", "mediaType": "image/png", "url": "https://files.mastodon.example/avatar.png"},
    "image": {"type": "Image", "mediaType": "image/png", "url": "https://files.mastodon.example/header.png"}
  })");
}
}  // namespace

TEST_CASE("a Mastodon actor is read with every field vmst keeps", "[remote_actor]") {
  std::string problem;
  auto a = parse_remote_actor(mastodon_actor(), "", &problem);
  REQUIRE(a);
  CHECK(a->id == "https://mastodon.example/users/Gargron");
  CHECK(a->type == "Person");
  CHECK(a->preferred_username == "Gargron");
  CHECK(a->name == "Eugen 🐘");
  CHECK(a->summary == "<p>Founder</p>");
  CHECK(a->url == std::optional<std::string>("https://mastodon.example/@Gargron"));
  CHECK(a->inbox == "https://mastodon.example/users/Gargron/inbox");
  CHECK(a->shared_inbox == "https://mastodon.example/inbox");
  CHECK(a->followers == "https://mastodon.example/users/Gargron/followers");
  CHECK(a->public_key_id == "https://mastodon.example/users/Gargron#main-key");
  CHECK(a->public_key_pem.rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);
  CHECK(a->avatar_url == std::optional<std::string>("https://files.mastodon.example/avatar.png"));
  CHECK(a->header_url == std::optional<std::string>("https://files.mastodon.example/header.png"));
  CHECK(a->discoverable);
  CHECK(a->indexable);
  CHECK_FALSE(a->manually_approves_followers);
  REQUIRE(a->fields.size() == 1);
  CHECK(a->fields[0].first == "Patreon");
  CHECK(a->also_known_as == std::vector<std::string>{"https://old.example/users/gargron"});
}

TEST_CASE("the key the request was signed with is chosen among several", "[remote_actor]") {
  json doc = mastodon_actor();
  doc["publicKey"] = json::array({
      {{"id", "https://mastodon.example/users/Gargron#old"}, {"publicKeyPem", "OLD"}},
      {{"id", "https://mastodon.example/users/Gargron#main-key"}, {"publicKeyPem", "NEW"}},
  });
  CHECK(parse_remote_actor(doc, "https://mastodon.example/users/Gargron#main-key")->public_key_pem == "NEW");
  CHECK(parse_remote_actor(doc)->public_key_pem == "OLD");
}

TEST_CASE("variant shapes from other servers are understood", "[remote_actor]") {
  // Misskey/Pleroma style: url as a Link object, icon as an array, alsoKnownAs as a single string.
  json doc = mastodon_actor();
  doc["url"] = {{"type", "Link"}, {"href", "https://mastodon.example/@Gargron"}};
  doc["icon"] = json::array({{{"type", "Image"}, {"url", "https://files.mastodon.example/a.webp"}}});
  doc["alsoKnownAs"] = "https://old.example/users/gargron";
  doc.erase("endpoints");
  auto a = parse_remote_actor(doc);
  REQUIRE(a);
  CHECK(a->url == std::optional<std::string>("https://mastodon.example/@Gargron"));
  CHECK(a->avatar_url == std::optional<std::string>("https://files.mastodon.example/a.webp"));
  CHECK(a->also_known_as.size() == 1);
  CHECK(a->shared_inbox.empty());

  // Lemmy communities are Groups.
  doc["type"] = "Group";
  CHECK(parse_remote_actor(doc)->type == "Group");
}

TEST_CASE("documents missing what every peer needs are refused with a reason", "[remote_actor]") {
  std::string problem;
  json no_inbox = mastodon_actor();
  no_inbox.erase("inbox");
  CHECK_FALSE(parse_remote_actor(no_inbox, "", &problem));
  CHECK(problem == "actor has no inbox");

  json note = mastodon_actor();
  note["type"] = "Note";
  CHECK_FALSE(parse_remote_actor(note, "", &problem));
  CHECK(problem.find("not an actor type") == 0);

  json no_name = mastodon_actor();
  no_name.erase("preferredUsername");
  CHECK_FALSE(parse_remote_actor(no_name, "", &problem));

  json bad_id = mastodon_actor();
  bad_id["id"] = "javascript:alert(1)";
  CHECK_FALSE(parse_remote_actor(bad_id, "", &problem));

  CHECK_FALSE(parse_remote_actor(json::array(), "", &problem));
  CHECK_FALSE(parse_remote_actor(json("text"), "", &problem));
}
