#include "convert/activitystreams/remote_note.hpp"

#include <catch2/catch.hpp>

using vmst::convert::as::parse_remote_note;
using vmst::convert::as::visibility_of;

namespace {
nlohmann::json base_note() {
  return {{"id", "https://remote.example/notes/1"},
          {"type", "Note"},
          {"attributedTo", "https://remote.example/users/fran"},
          {"content", "<p>hi <script>alert(1)</script></p>"},
          {"published", "2026-11-27T13:27:05Z"},
          {"to", "https://www.w3.org/ns/activitystreams#Public"},
          {"tag", {{"type", "Mention"}, {"href", "https://here.example/users/alice"}, {"name", "@alice"}}}};
}
}  // namespace

TEST_CASE("a remote note is read with sanitised content and a single tag object", "[convert]") {
  auto note = parse_remote_note(base_note());
  REQUIRE(note);
  CHECK(note->content.find("<script>") == std::string::npos);
  CHECK(note->mention_hrefs == std::vector<std::string>{"https://here.example/users/alice"});
  CHECK(note->published == 1795786025000);
  CHECK(visibility_of(*note, "https://remote.example/users/fran/followers") == "public");
}

TEST_CASE("remote addressing maps to Mastodon's four visibilities", "[convert]") {
  const std::string followers = "https://remote.example/users/fran/followers";
  auto json = base_note();
  json["to"] = followers;
  json["cc"] = nlohmann::json::array({"https://www.w3.org/ns/activitystreams#Public"});
  CHECK(visibility_of(*parse_remote_note(json), followers) == "unlisted");
  json["cc"] = nlohmann::json::array();
  CHECK(visibility_of(*parse_remote_note(json), followers) == "private");
  json["to"] = nlohmann::json::array({"https://here.example/users/alice"});
  CHECK(visibility_of(*parse_remote_note(json), followers) == "direct");
}

TEST_CASE("objects that are not notes, or lack an id or author, are refused", "[convert]") {
  auto json = base_note();
  json["type"] = "Person";
  CHECK_FALSE(parse_remote_note(json));
  json = base_note();
  json.erase("attributedTo");
  CHECK_FALSE(parse_remote_note(json));
  CHECK_FALSE(parse_remote_note(nlohmann::json("https://remote.example/notes/1")));
}
