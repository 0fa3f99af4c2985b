#include "services/emoji_usage.hpp"

#include <catch2/catch.hpp>

#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

using namespace vmst;

namespace {

store::CustomEmojiRecord emoji(int64_t id, const std::string& shortcode, std::optional<std::string> domain) {
  store::CustomEmojiRecord e;
  e.id = id;
  e.shortcode = shortcode;
  e.domain = std::move(domain);
  if (e.domain) {
    e.image_remote_url = "https://" + *e.domain + "/" + shortcode + ".png";
  } else {
    e.image_path = "custom_emojis/" + std::to_string(id) + ".png";
  }
  return e;
}

std::vector<std::string> shortcodes_of(const std::vector<store::CustomEmojiRecord>& emojis) {
  std::vector<std::string> out;
  for (const auto& e : emojis) out.push_back(e.shortcode + "@" + e.domain.value_or("local"));
  return out;
}

}  // namespace

TEST_CASE("a local status is scanned in what its author typed, a remote one in its HTML", "[emoji]") {
  store::StatusRecord local;
  local.local = true;
  local.text = "hi :wave:";
  local.content = "<p>hi :ignored:</p>";
  local.spoiler_text = ":cw: warning";
  CHECK(services::status_shortcodes(local) == std::vector<std::string>{"cw", "wave"});
  store::StatusRecord remote;
  remote.content = "<p>hi :wave:</p>";
  CHECK(services::status_shortcodes(remote) == std::vector<std::string>{"wave"});
}

TEST_CASE("an account's emoji come from its name, bio and fields", "[emoji]") {
  store::AccountRecord a;
  a.display_name = "Alice :cat:";
  a.note = "<p>likes :tea:</p>";
  a.fields_json = R"([{"name": ":pin: Home", "value": "here :cat:"}])";
  CHECK(services::account_shortcodes(a) == std::vector<std::string>{"cat", "tea", "pin"});
}

TEST_CASE("emoji are looked up on the server the text comes from only", "[emoji]") {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  store::apply_migrations(db);
  db.write([](store::Connection& c) {
    store::insert_custom_emoji(c, emoji(1, "blob", std::nullopt));
    store::insert_custom_emoji(c, emoji(2, "blob", "remote.example"));
    store::insert_custom_emoji(c, emoji(3, "party", "remote.example"));
    auto off = emoji(4, "off", std::nullopt);
    off.disabled = true;
    store::insert_custom_emoji(c, off);
  });
  services::EmojiLookup lookup;
  lookup.want(std::nullopt, {"blob", "party", "off"});
  lookup.want(std::string("Remote.Example"), {"party", "blob"});
  db.read([&](store::Connection& c) { lookup.load(c); });
  CHECK(shortcodes_of(lookup.find(std::nullopt, {"blob", "party", "off"})) == std::vector<std::string>{"blob@local"});
  CHECK(shortcodes_of(lookup.find(std::string("remote.example"), {"party", "blob"})) ==
        std::vector<std::string>{"party@remote.example", "blob@remote.example"});
  CHECK(lookup.find(std::string("other.example"), {"blob"}).empty());
}
