#include "services/emoji_usage.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/custom_emoji_shortcode.hpp"

namespace vmst::services {

namespace {

std::optional<std::string> lower_domain(const std::optional<std::string>& domain) {
  if (!domain) return std::nullopt;
  std::string host = *domain;
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return host;
}

void add_shortcodes(std::vector<std::string>& to, const std::string& text) {
  for (auto& shortcode : text::custom_emoji_shortcodes_in(text)) {
    if (std::find(to.begin(), to.end(), shortcode) == to.end()) to.push_back(std::move(shortcode));
  }
}

std::vector<std::string> account_shortcodes(const store::AccountRecord& account) {
  std::vector<std::string> shortcodes;
  add_shortcodes(shortcodes, account.display_name);
  add_shortcodes(shortcodes, account.note);
  if (account.fields_json.find(':') != std::string::npos) {
    auto fields = nlohmann::json::parse(account.fields_json, nullptr, false);
    if (fields.is_array()) {
      for (const auto& field : fields) {
        if (!field.is_object()) continue;
        add_shortcodes(shortcodes, field.value("name", ""));
        add_shortcodes(shortcodes, field.value("value", ""));
      }
    }
  }
  return shortcodes;
}

}  // namespace

std::vector<store::CustomEmojiRecord> status_emojis(store::Connection& c, const store::StatusRecord& status,
                                                    const std::optional<std::string>& author_domain) {
  std::vector<std::string> shortcodes;
  add_shortcodes(shortcodes, status.spoiler_text);
  // A local status keeps what its author typed; a remote one only its HTML, which Mastodon scans alike.
  add_shortcodes(shortcodes, status.local && !status.text.empty() ? status.text : status.content);
  if (shortcodes.empty()) return {};
  return store::usable_custom_emojis(c, lower_domain(author_domain), shortcodes);
}

std::vector<store::CustomEmojiRecord> account_emojis(store::Connection& c, const store::AccountRecord& account) {
  auto shortcodes = account_shortcodes(account);
  if (shortcodes.empty()) return {};
  return store::usable_custom_emojis(c, lower_domain(account.domain), shortcodes);
}

std::vector<store::CustomEmojiRecord> account_emojis(store::Database& db, const store::AccountRecord& account) {
  auto shortcodes = account_shortcodes(account);
  if (shortcodes.empty()) return {};
  return db.read(
      [&](store::Connection& c) { return store::usable_custom_emojis(c, lower_domain(account.domain), shortcodes); });
}

}  // namespace vmst::services
