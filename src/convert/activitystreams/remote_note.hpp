#pragma once
// Notes (and the Note-like Article, Page, Question) from other servers, read into what we store. HTML is
// sanitised here, so nothing unsafe leaves this function.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "convert/activitystreams/emoji_tag.hpp"
#include "convert/activitystreams/question.hpp"

namespace vmst::convert::as {

struct RemoteAttachment {
  std::string url;
  std::string media_type;
  std::optional<std::string> description, blurhash;
  std::optional<int64_t> width, height;
};

struct RemoteNote {
  std::string uri;
  std::optional<std::string> url;
  std::string attributed_to;
  std::optional<std::string> in_reply_to;
  std::optional<std::string> conversation;
  std::string content;  // sanitised HTML
  std::string summary;  // the content warning, as plain text
  bool sensitive = false;
  std::optional<std::string> language;
  std::optional<int64_t> published, updated;
  std::vector<std::string> to, cc;
  std::vector<std::string> mention_hrefs;
  std::vector<std::string> hashtags;  // names as written, without '#'
  std::vector<RemoteAttachment> attachments;
  std::optional<RemotePoll> poll;   // a Question's options and counts
  std::optional<std::string> name;  // a Note's `name`: with inReplyTo and no content, a vote on a poll
  std::vector<RemoteEmoji> emojis;  // the custom emoji its text uses, from its Emoji tags
};

// nullopt when the object is not a Note-like object with an id and an author.
std::optional<RemoteNote> parse_remote_note(const nlohmann::json& object);

// Mastodon's reading of the addressing: Public in `to` is public, in `cc` unlisted; the author's followers
// collection makes it followers-only; anything else is direct.
std::string visibility_of(const RemoteNote& note, const std::string& followers_url);

}  // namespace vmst::convert::as
