#pragma once
// Which custom emoji a status or an account shows: the :shortcode:s written in its text that its own server has
// (Mastodon's CustomEmoji.from_text over the status's spoiler and text, or the account's name, bio and fields).
// Found when rendering, so an emoji added later lights up in older posts too, and a removed one goes dark.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/database.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

// The shortcodes a status's text uses (no database access).
std::vector<std::string> status_shortcodes(const store::StatusRecord& status);
// The shortcodes an account's display name, bio and profile fields use.
std::vector<std::string> account_shortcodes(const store::AccountRecord& account);

// Emoji looked up for many texts at once: one query per server whose texts use shortcodes.
class EmojiLookup {
 public:
  // `domain`: the server the text comes from (nullopt for this one).
  void want(const std::optional<std::string>& domain, const std::vector<std::string>& shortcodes);
  void load(store::Connection& c);
  // The loaded emoji of `domain` among `shortcodes`, in the shortcodes' order.
  std::vector<store::CustomEmojiRecord> find(const std::optional<std::string>& domain,
                                             const std::vector<std::string>& shortcodes) const;

 private:
  std::map<std::string, std::vector<std::string>> wanted_;  // lower-case domain ("" for local) -> shortcodes
  std::map<std::string, std::map<std::string, store::CustomEmojiRecord>> found_;
};

// `author_domain`: the status author's domain (nullopt for a local author).
std::vector<store::CustomEmojiRecord> status_emojis(store::Connection& c, const store::StatusRecord& status,
                                                    const std::optional<std::string>& author_domain);

std::vector<store::CustomEmojiRecord> account_emojis(store::Connection& c, const store::AccountRecord& account);

// The same for an account outside a page of statuses (one query, none when the account uses no shortcode).
std::vector<store::CustomEmojiRecord> account_emojis(store::Database& db, const store::AccountRecord& account);

}  // namespace vmst::services
