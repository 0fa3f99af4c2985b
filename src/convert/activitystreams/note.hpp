#pragma once
// Local statuses as ActivityStreams Notes and the activities that carry them (Create, Update, Delete, Announce,
// Like), shaped as Mastodon shapes them (docs/federation.md), with addressing by visibility:
//   public    to Public,          cc followers + mentioned
//   unlisted  to followers,       cc Public + mentioned
//   private   to followers,       cc mentioned
//   direct    to mentioned only
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/media_store.hpp"
#include "store/poll_store.hpp"
#include "store/status_store.hpp"

namespace vmst::convert::as {

struct NoteParts {
  const store::StatusRecord& status;
  const store::AccountRecord& author;
  std::vector<store::AccountRecord> mentioned;
  std::vector<std::string> tags;  // lowercase names
  std::vector<store::MediaRecord> media;
  std::optional<std::string> in_reply_to_uri;
  std::optional<std::string> conversation_uri;
  const store::PollRecord* poll = nullptr;  // set: the status is a Question (convert/activitystreams/question)
  std::vector<store::CustomEmojiRecord> emojis;  // the custom emoji its text uses (services/emoji_usage)
};

struct Addressing {
  std::vector<std::string> to, cc;
};
Addressing addressing_for(const std::string& visibility, const std::string& followers_url,
                          const std::vector<std::string>& mentioned_uris);

nlohmann::json note(const NoteParts& parts, const federation::LocalUrls& urls);
// Create (or Update, for an edit) wrapping the note, with the note's addressing and the @context.
nlohmann::json create_note(const NoteParts& parts, const federation::LocalUrls& urls);
nlohmann::json update_note(const NoteParts& parts, const federation::LocalUrls& urls);
// Delete of the status as a Tombstone, addressed as the status was.
nlohmann::json delete_note(const store::StatusRecord& status, const store::AccountRecord& author,
                           const std::vector<std::string>& mentioned_uris);

// Announce of `original` by `booster` (the reblog wrapper `reblog`), and its Undo.
nlohmann::json announce(const store::StatusRecord& reblog, const store::AccountRecord& booster,
                        const store::StatusRecord& original, const store::AccountRecord& original_author);
nlohmann::json undo(const nlohmann::json& activity, const std::string& actor_uri);

// Like of a status, id under the liker's actor.
nlohmann::json like(const store::AccountRecord& liker, int64_t favourite_id, const std::string& object_uri);

}  // namespace vmst::convert::as
