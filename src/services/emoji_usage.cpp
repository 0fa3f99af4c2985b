#include "services/emoji_usage.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "text/custom_emoji_shortcode.hpp"

namespace vmst::services {

namespace {

std::string domain_key(const std::optional<std::string>& domain) {
  std::string host = domain.value_or("");
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return host;
}

std::optional<std::string> lower_domain(const std::optional<std::string>& domain) {
  if (!domain) return std::nullopt;
  return domain_key(domain);
}

void add_shortcodes(std::vector<std::string>& to, const std::string& text) {
  for (auto& shortcode : text::custom_emoji_shortcodes_in(text)) {
    if (std::find(to.begin(), to.end(), shortcode) == to.end()) to.push_back(std::move(shortcode));
  }
}

}  // namespace

std::vector<std::string> status_shortcodes(const store::StatusRecord& status) {
  std::vector<std::string> shortcodes;
  add_shortcodes(shortcodes, status.spoiler_text);
  // A local status keeps what its author typed; a remote one only its HTML, which Mastodon scans alike.
  add_shortcodes(shortcodes, status.local && !status.text.empty() ? status.text : status.content);
  return shortcodes;
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

void EmojiLookup::want(const std::optional<std::string>& domain, const std::vector<std::string>& shortcodes) {
  if (shortcodes.empty()) return;
  auto& list = wanted_[domain_key(domain)];
  for (const auto& shortcode : shortcodes) {
    if (std::find(list.begin(), list.end(), shortcode) == list.end()) list.push_back(shortcode);
  }
}

void EmojiLookup::load(store::Connection& c) {
  for (const auto& [domain, shortcodes] : wanted_) {
    std::optional<std::string> server;
    if (!domain.empty()) server = domain;
    auto& found = found_[domain];
    for (auto& emoji : store::usable_custom_emojis(c, server, shortcodes)) {
      std::string shortcode = emoji.shortcode;
      found.emplace(std::move(shortcode), std::move(emoji));
    }
  }
}

std::vector<store::CustomEmojiRecord> EmojiLookup::find(const std::optional<std::string>& domain,
                                                        const std::vector<std::string>& shortcodes) const {
  std::vector<store::CustomEmojiRecord> out;
  auto server = found_.find(domain_key(domain));
  if (server == found_.end()) return out;
  for (const auto& shortcode : shortcodes) {
    if (auto it = server->second.find(shortcode); it != server->second.end()) out.push_back(it->second);
  }
  return out;
}

std::vector<store::CustomEmojiRecord> status_emojis(store::Connection& c, const store::StatusRecord& status,
                                                    const std::optional<std::string>& author_domain) {
  auto shortcodes = status_shortcodes(status);
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
