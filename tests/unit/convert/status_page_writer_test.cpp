#include "convert/mastodon/status_page_writer.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <set>

#include "convert/mastodon/status.hpp"
#include "convert/mastodon/status_parts.hpp"

using namespace vmst;
using convert::mastodon::RenderCaches;
using convert::mastodon::StatusBundle;

namespace {

const federation::LocalUrls kUrls{"https://vmst.test"};

constexpr int64_t kAlice = 1, kBob = 2, kCarol = 3;  // alice is local, bob and carol remote
constexpr int64_t kRich = 100, kBoost = 101, kReply = 102, kPlain = 103, kEdited = 104;
const std::vector<int64_t> kPage{kBoost, kReply, kPlain, kEdited, kRich};

store::AccountRecord account(int64_t id, const std::string& username, std::optional<std::string> domain) {
  store::AccountRecord a;
  a.id = id;
  a.username = username;
  a.domain = std::move(domain);
  a.actor_type = "Person";
  a.display_name = username + " :blobcat:";
  a.note = "<p>about " + username + "</p>";
  a.uri = "https://" + a.domain.value_or("vmst.test") + "/users/" + username;
  a.url = "https://" + a.domain.value_or("vmst.test") + "/@" + username;
  a.fields_json = R"([{"name":"site","value":"<a href=\"https://example.com\">example.com</a>","verified_at":null}])";
  a.created_at = 1'700'000'123'456;
  a.statuses_count = 10 * id;
  a.followers_count = 3;
  a.following_count = 4;
  a.last_status_at = 1'700'100'000'000;
  return a;
}

store::StatusRecord status(int64_t id, int64_t author, const std::string& content) {
  store::StatusRecord s;
  s.id = id;
  s.uri = "https://vmst.test/statuses/" + std::to_string(id);
  s.url = "https://vmst.test/@x/" + std::to_string(id);
  s.account_id = author;
  s.content = content;
  s.created_at = 1'700'200'000'000 + id;
  s.replies_count = 1;
  s.reblogs_count = 2;
  s.favourites_count = 3;
  return s;
}

store::CustomEmojiRecord emoji(const std::string& shortcode, std::optional<std::string> domain) {
  store::CustomEmojiRecord e;
  e.shortcode = shortcode;
  e.domain = std::move(domain);
  if (e.domain) {
    e.image_remote_url = "https://" + *e.domain + "/emoji/" + shortcode + ".png";
  } else {
    e.image_path = "emoji/" + shortcode + ".png";
  }
  e.category = "blobs";
  return e;
}

// A page with a reblog, a reply, a poll, media, custom emoji on statuses and accounts, mentions, tags, an
// application, an edit and a filter result, as `viewer` sees it (each viewer has other flags).
StatusBundle sample_bundle(std::optional<int64_t> viewer) {
  StatusBundle b;
  b.viewer_account_id = viewer;
  b.loaded_at = 1'700'300'000'000;
  b.accounts.emplace(kAlice, account(kAlice, "alice", std::nullopt));
  b.accounts.emplace(kBob, account(kBob, "bob", "remote.example"));
  b.accounts.emplace(kCarol, account(kCarol, "carol", "other.example"));
  b.account_emojis[kBob] = {emoji("blobcat", "remote.example")};
  b.account_emojis[kAlice] = {emoji("blobcat", std::nullopt)};

  auto rich = status(kRich, kBob, "<p>Spoilers :blobcat: #Tea @alice @carol \"quoted\" &amp; \xC3\xA9t\xC3\xA9</p>");
  rich.spoiler_text = "cw";
  rich.sensitive = true;
  rich.language = "en";
  rich.application_id = 7;
  rich.in_reply_to_id = 99;
  rich.in_reply_to_account_id = kAlice;
  b.statuses.emplace(kRich, rich);
  b.mentions[kRich] = {kAlice, kCarol};
  b.tags[kRich] = {"tea", "caf\xC3\xA9"};
  b.emojis[kRich] = {emoji("blobcat", "remote.example")};
  b.applications.emplace(7, store::ApplicationName{7, "Tusky", "https://tusky.app"});
  store::MediaRecord photo;
  photo.id = 500;
  photo.status_id = kRich;
  photo.type = "image";
  photo.file_path = "media/500.jpg";
  photo.thumbnail_path = "media/500_small.jpg";
  photo.description = "a cup";
  photo.blurhash = "LEHV6nWB2yk8pyo0adR*.7kCMdnj";
  photo.meta_json = R"({"original":{"width":640,"height":480}})";
  photo.focus_x = 0.25;
  store::MediaRecord clip = photo;
  clip.id = 501;
  clip.type = "video";
  clip.file_path.reset();
  clip.remote_url = "https://remote.example/clip.mp4";
  clip.description.reset();
  b.media[kRich] = {photo, clip};
  store::PollRecord poll;
  poll.id = 40;
  poll.status_id = kRich;
  poll.account_id = kBob;
  poll.options = {"tea", "coffee"};
  poll.votes_counts = {3, 1};
  poll.votes_count = 4;
  poll.voters_count = 4;
  poll.expires_at = 1'800'000'000'000;
  b.polls.emplace(kRich, poll);

  auto boost = status(kBoost, kCarol, "");
  boost.reblog_of_id = kRich;
  boost.url.reset();
  b.statuses.emplace(kBoost, boost);

  auto reply = status(kReply, kAlice, "<p>mine</p>");
  reply.in_reply_to_id = kRich;
  reply.in_reply_to_account_id = kBob;
  reply.visibility = "unlisted";
  b.statuses.emplace(kReply, reply);

  auto plain = status(kPlain, kCarol, "<p>plain</p>");
  plain.visibility = "private";
  b.statuses.emplace(kPlain, plain);

  auto edited = status(kEdited, kAlice, "<p>second version</p>");
  edited.edited_at = 1'700'250'000'000;
  b.statuses.emplace(kEdited, edited);

  if (viewer == kAlice) {
    b.own_poll_votes[40] = {1};
    b.viewer.favourited = {kRich};
    b.viewer.reblogged = {kRich};
    b.viewer.bookmarked = {kReply};
    b.viewer.pinned = {kReply};
    b.viewer.muted = {kPlain};
    store::FilterRecord filter;
    filter.id = 9;
    filter.account_id = kAlice;
    filter.title = "spoilers";
    filter.context = {"home"};
    b.filters = {filter};
    b.filter_hits[kRich] = {convert::mastodon::FilterHit{0, {"Spoilers"}, {}}};
    b.filter_hits[kBoost] = {convert::mastodon::FilterHit{0, {"Spoilers"}, {}}};
  } else if (viewer == kBob) {
    b.viewer.favourited = {kPlain, kEdited};
    b.viewer.bookmarked = {kRich};
    b.viewer.pinned = {kRich};
  }
  return b;
}

nlohmann::json tree_page(const StatusBundle& bundle, const std::vector<int64_t>& ids) {
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) {
    auto json = convert::mastodon::status_json(bundle, id, kUrls);
    if (!json.is_null()) out.push_back(std::move(json));
  }
  return out;
}

nlohmann::json cached_page(const StatusBundle& bundle, const std::vector<int64_t>& ids, RenderCaches& caches) {
  return nlohmann::json::parse(convert::mastodon::statuses_json_text(bundle, ids, kUrls, caches));
}

}  // namespace

TEST_CASE("cached status JSON parses to what status_json builds, cold and warm, for each viewer",
          "[convert][status_page_writer]") {
  RenderCaches caches;
  for (std::optional<int64_t> viewer : {std::optional<int64_t>(kAlice), std::optional<int64_t>(kBob),
                                        std::optional<int64_t>()}) {
    INFO("viewer " << viewer.value_or(0));
    const auto bundle = sample_bundle(viewer);
    const auto expected = tree_page(bundle, kPage);
    REQUIRE(expected.size() == kPage.size());
    CHECK(cached_page(bundle, kPage, caches) == expected);  // cold for the first viewer, warm for the others
    CHECK(cached_page(bundle, kPage, caches) == expected);  // warm
  }
  CHECK(caches.statuses.entries() == kPage.size());
  CHECK(caches.accounts.entries() == 3);
}

TEST_CASE("the viewer's flags, filter results and poll votes are never taken from another viewer's page",
          "[convert][status_page_writer]") {
  RenderCaches caches;
  const auto alice = cached_page(sample_bundle(kAlice), kPage, caches);
  const auto bob = cached_page(sample_bundle(kBob), kPage, caches);
  // kPage order: boost, reply, plain, edited, rich.
  CHECK(alice[4]["favourited"] == true);
  CHECK(bob[4]["favourited"] == false);
  CHECK(alice[4]["filtered"].size() == 1);
  CHECK(bob[4]["filtered"].empty());
  CHECK(alice[4]["poll"]["own_votes"] == nlohmann::json::array({1}));
  CHECK(bob[4]["poll"]["voted"] == true);  // bob wrote the poll
  CHECK(alice[1]["pinned"] == true);       // alice's own status
  CHECK_FALSE(bob[1].contains("pinned"));
  CHECK(bob[4]["pinned"] == true);
  CHECK(alice[0]["reblog"]["reblogged"] == true);
}

TEST_CASE("a status's parts share no key and together make up status_json", "[convert][status_page_writer]") {
  const auto bundle = sample_bundle(kAlice);
  for (int64_t id : kPage) {
    const auto& s = *bundle.status(id);
    const auto fixed = convert::mastodon::status_static_json(bundle, s, kUrls);
    const auto changing = convert::mastodon::status_dynamic_json(bundle, s);
    std::set<std::string> keys{convert::mastodon::kStatusAccountKey, convert::mastodon::kStatusReblogKey};
    size_t count = keys.size();
    for (const auto& part : {fixed, changing}) {
      for (const auto& [key, value] : part.items()) keys.insert(key);
      count += part.size();
    }
    CHECK(keys.size() == count);
    std::set<std::string> whole;
    const auto rendered = convert::mastodon::status_json(bundle, id, kUrls);
    for (const auto& [key, value] : rendered.items()) whole.insert(key);
    CHECK(keys == whole);
  }
}

TEST_CASE("a change to anything a status or its author renders from is never served from old bytes",
          "[convert][status_page_writer]") {
  using Change = std::function<void(StatusBundle&)>;
  const std::vector<std::pair<std::string, Change>> changes{
      {"content", [](StatusBundle& b) { b.statuses.at(kRich).content = "<p>edited</p>"; }},
      {"spoiler", [](StatusBundle& b) { b.statuses.at(kRich).spoiler_text = "new cw"; }},
      {"sensitive", [](StatusBundle& b) { b.statuses.at(kRich).sensitive = false; }},
      {"visibility", [](StatusBundle& b) { b.statuses.at(kPlain).visibility = "public"; }},
      {"language", [](StatusBundle& b) { b.statuses.at(kRich).language = "de"; }},
      {"edited_at", [](StatusBundle& b) { b.statuses.at(kRich).edited_at = 1'700'260'000'000; }},
      {"url", [](StatusBundle& b) { b.statuses.at(kPlain).url = "https://vmst.test/@carol/x"; }},
      {"reply", [](StatusBundle& b) { b.statuses.at(kPlain).in_reply_to_id = kReply; }},
      {"counts", [](StatusBundle& b) { b.statuses.at(kRich).favourites_count = 99; }},
      {"media description", [](StatusBundle& b) { b.media.at(kRich)[0].description = "a mug"; }},
      {"media focus", [](StatusBundle& b) { b.media.at(kRich)[0].focus_y = -0.5; }},
      {"media thumbnail", [](StatusBundle& b) { b.media.at(kRich)[0].thumbnail_path.reset(); }},
      {"media removed", [](StatusBundle& b) { b.media.at(kRich).pop_back(); }},
      {"media state", [](StatusBundle& b) { b.media.at(kRich)[0].state = "processing"; }},
      {"mentioned renamed", [](StatusBundle& b) { b.accounts.at(kCarol).username = "carola"; }},
      {"mention gone", [](StatusBundle& b) { b.mentions.at(kRich).pop_back(); }},
      {"tag", [](StatusBundle& b) { b.tags.at(kRich).push_back("coffee"); }},
      {"status emoji", [](StatusBundle& b) { b.emojis.at(kRich)[0].image_remote_url = "https://r/e.gif"; }},
      {"application", [](StatusBundle& b) { b.applications.at(7).name = "Ivory"; }},
      {"poll votes", [](StatusBundle& b) { b.polls.at(kRich).votes_counts = {4, 1}; }},
      {"display name", [](StatusBundle& b) { b.accounts.at(kBob).display_name = "Robert"; }},
      {"avatar", [](StatusBundle& b) { b.accounts.at(kBob).avatar_remote_url = "https://remote.example/a.png"; }},
      {"followers", [](StatusBundle& b) { b.accounts.at(kBob).followers_count = 1000; }},
      {"last status", [](StatusBundle& b) { b.accounts.at(kAlice).last_status_at = 1'700'400'000'000; }},
      {"suspended", [](StatusBundle& b) { b.accounts.at(kCarol).suspended_at = 1; }},
      {"fields", [](StatusBundle& b) { b.accounts.at(kBob).fields_json = "[]"; }},
      {"account emoji", [](StatusBundle& b) { b.account_emojis.at(kBob)[0].category = "cats"; }},
  };
  RenderCaches caches;
  const auto before = cached_page(sample_bundle(kAlice), kPage, caches);
  for (const auto& [name, change] : changes) {
    INFO(name);
    auto bundle = sample_bundle(kAlice);
    change(bundle);
    const auto expected = tree_page(bundle, kPage);
    REQUIRE(expected != before);  // the change shows in the output
    CHECK(cached_page(bundle, kPage, caches) == expected);
    cached_page(sample_bundle(kAlice), kPage, caches);  // back to the original bytes for the next change
  }
}

TEST_CASE("statuses whose author or original is missing are left out, as status_json gives null",
          "[convert][status_page_writer]") {
  RenderCaches caches;
  auto bundle = sample_bundle(kAlice);
  bundle.accounts.erase(kBob);  // author of the reblogged status
  const std::vector<int64_t> ids{kBoost, 12345, kReply, kRich};
  const auto expected = tree_page(bundle, ids);
  REQUIRE(expected.size() == 1);
  CHECK(cached_page(bundle, ids, caches) == expected);
  CHECK(convert::mastodon::statuses_json_text(bundle, {kRich}, kUrls, caches) == "[]");
}

TEST_CASE("invalid UTF-8 from a remote server is replaced, as send_json does", "[convert][status_page_writer]") {
  RenderCaches caches;
  auto bundle = sample_bundle(kAlice);
  bundle.statuses.at(kPlain).content = "<p>bad \xC3\x28 byte</p>";
  const auto text = convert::mastodon::statuses_json_text(bundle, {kPlain}, kUrls, caches);
  const auto sent = tree_page(bundle, {kPlain}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  CHECK(nlohmann::json::parse(text) == nlohmann::json::parse(sent));
  CHECK(text.find("bad \xEF\xBF\xBD( byte") != std::string::npos);
}
