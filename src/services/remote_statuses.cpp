#include "services/remote_statuses.hpp"

#include "services/conversations.hpp"
#include "services/polls.hpp"
#include "services/remote_emojis.hpp"
#include "services/notification_grouping.hpp"

#include <algorithm>

#include "store/status_edit_poll_store.hpp"
#include "store/fan_out_store.hpp"
#include "store/tag_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/interaction_store.hpp"
#include "store/media_store.hpp"
#include "store/domain_block_store.hpp"
#include "store/notification_store.hpp"
#include "store/status_store.hpp"
#include "text/hashtag_name.hpp"

namespace vmst::services {

namespace {

std::string media_kind(const std::string& media_type) {
  if (media_type.starts_with("image/")) return "image";
  if (media_type.starts_with("video/")) return "video";
  if (media_type.starts_with("audio/")) return "audio";
  return "unknown";
}

struct Mentioned {
  std::vector<store::AccountRecord> local, remote;
};

Mentioned mentioned_accounts(store::Connection& c, const convert::as::RemoteNote& note) {
  Mentioned out;
  for (const auto& href : note.mention_hrefs) {
    auto account = store::find_account_by_uri(c, href);
    if (!account || account->actor_type == "Application") continue;
    auto& list = account->local() ? out.local : out.remote;
    if (std::none_of(list.begin(), list.end(), [&](const auto& a) { return a.id == account->id; })) {
      list.push_back(*account);
    }
  }
  return out;
}

void link_tags(store::Connection& c, int64_t status_id, const std::vector<std::string>& names, int64_t now) {
  for (const auto& written : names) {
    std::string name = text::normalize_hashtag_name(written);
    if (name.empty()) continue;
    store::link_status_tag(c, status_id, store::upsert_tag(c, store::next_id(), name, text::hashtag_display_name(written), now));
  }
}

void notify(store::Connection& c, int64_t recipient, int64_t from, const char* type, int64_t status_id, int64_t now) {
  if (recipient == from || store::is_blocking(c, recipient, from)) return;
  if (store::silenced_stranger(c, recipient, from)) return;
  add_notification(c, {store::next_id(), recipient, from, type, status_id, now});
}

}  // namespace

std::optional<int64_t> record_remote_note(store::Connection& c, const store::AccountRecord& author,
                                          const convert::as::RemoteNote& note, int64_t now, NoteArrival arrival) {
  if (store::find_status_by_uri(c, note.uri)) return std::nullopt;
  auto mentioned = mentioned_accounts(c, note);
  std::optional<store::StatusRecord> parent;
  if (note.in_reply_to) parent = store::find_status_by_uri(c, *note.in_reply_to);
  auto followers = store::local_follower_ids(c, author.id, false);
  const bool concerns_us = !followers.empty() || !mentioned.local.empty() || (parent && parent->local);
  if (!concerns_us && arrival == NoteArrival::Delivered) return std::nullopt;

  store::StatusRecord s;
  // Ids follow the published time so timelines stay in time order, but never lie in the future.
  const int64_t at = std::min(note.published.value_or(now), now);
  s.id = store::id_for_time(at);
  s.uri = note.uri;
  s.url = note.url;
  s.account_id = author.id;
  s.local = false;
  s.visibility = convert::as::visibility_of(note, author.followers_url);
  s.content = note.content;
  s.spoiler_text = note.summary;
  s.sensitive = note.sensitive;
  s.language = note.language;
  s.created_at = at;
  s.updated_at = now;
  s.in_reply_to_uri = note.in_reply_to;
  if (parent) {
    s.in_reply_to_id = parent->id;
    s.in_reply_to_account_id = parent->account_id;
    s.conversation_id = parent->conversation_id;
  }
  if (!s.conversation_id && note.conversation) s.conversation_id = store::find_conversation_by_uri(c, *note.conversation);
  if (!s.conversation_id) {
    s.conversation_id = store::next_id();
    store::insert_conversation(c, *s.conversation_id, note.conversation, now);
  }
  store::insert_status(c, s);

  for (const auto& m : mentioned.local) store::insert_mention(c, store::next_id(), s.id, m.id, false);
  for (const auto& m : mentioned.remote) store::insert_mention(c, store::next_id(), s.id, m.id, false);
  link_tags(c, s.id, note.hashtags, now);
  if (author.domain) record_remote_emojis(c, *author.domain, note.emojis, now);
  int position = 0;
  // A reject-media domain block: its attachments are kept only as links to the origin, as Mastodon shows them
  // ("unknown", no preview), and never copied here.
  const bool reject_media = author.domain && store::rejects_media_from(c, *author.domain);
  for (const auto& a : note.attachments) {
    store::MediaRecord m;
    m.id = store::next_id();
    m.account_id = author.id;
    m.status_id = s.id;
    m.position = position++;
    m.type = reject_media ? "unknown" : media_kind(a.media_type);
    m.remote_url = a.url;
    m.file_content_type = a.media_type;
    m.description = a.description;
    if (!reject_media) m.blurhash = a.blurhash;
    if (a.width && a.height && *a.height > 0) {
      nlohmann::json size = {{"width", *a.width}, {"height", *a.height},
                             {"size", std::to_string(*a.width) + "x" + std::to_string(*a.height)},
                             {"aspect", static_cast<double>(*a.width) / static_cast<double>(*a.height)}};
      m.meta_json = nlohmann::json{{"original", size}, {"small", size}}.dump();
    }
    m.created_at = now;
    m.updated_at = now;
    store::insert_media(c, m);
  }
  if (note.poll) record_remote_poll(c, s.id, author.id, *note.poll, now);
  store::add_to_account_statuses(c, author.id, 1, at);
  if (parent) store::add_to_status_counter(c, parent->id, store::StatusCounter::Replies, 1);

  std::vector<int64_t> home;
  if (s.visibility != "direct") home = followers;
  for (const auto& m : mentioned.local) {
    if (s.visibility == "direct" && !store::is_blocking(c, m.id, author.id)) home.push_back(m.id);
    notify(c, m.id, author.id, "mention", s.id, now);
  }
  // Local followers of its hashtags, as Mastodon's fan-out does for public statuses.
  if (s.visibility == "public") {
    auto tag_followers = store::local_tag_follower_ids(c, s.id);
    home.insert(home.end(), tag_followers.begin(), tag_followers.end());
  }
  std::sort(home.begin(), home.end());
  home.erase(std::unique(home.begin(), home.end()), home.end());
  // A reply to a followers-only or direct status reaches only those it mentions, as on Mastodon.
  store::insert_home_feed(c, home, s.id);
  if (s.visibility == "direct") {
    std::vector<int64_t> participants;
    for (const auto& m : mentioned.local) participants.push_back(m.id);
    for (const auto& m : mentioned.remote) participants.push_back(m.id);
    record_direct_status(c, s, participants);
  }
  return s.id;
}

bool update_remote_note(store::Connection& c, const store::AccountRecord& author, const convert::as::RemoteNote& note,
                        int64_t now) {
  auto s = store::find_status_by_uri(c, note.uri);
  if (!s || s->account_id != author.id) return false;
  const bool poll_counts_only = refresh_remote_poll(c, s->id, author.id, note.poll, now);
  // Mastodon sends an Update of the Question whenever its counts change: that is no edit of the text.
  if (poll_counts_only && note.content == s->content && note.summary == s->spoiler_text &&
      note.sensitive == s->sensitive) {
    return true;
  }
  if (store::status_edits(c, s->id).empty()) {
    const int64_t original_id = store::next_id();
    store::insert_status_edit(c, {original_id, s->id, s->account_id, s->text, s->content, s->spoiler_text,
                                  s->sensitive, "[]", s->created_at});
    store::set_status_edit_poll_options(c, original_id, poll_options_snapshot(c, s->id));
  }
  const int64_t at = std::min(note.updated.value_or(now), now);
  store::update_status_content(c, s->id, "", note.content, note.summary, note.sensitive,
                               note.language ? note.language : s->language, at);
  const int64_t version_id = store::next_id();
  store::insert_status_edit(c, {version_id, s->id, s->account_id, "", note.content, note.summary,
                                note.sensitive, "[]", at});
  store::set_status_edit_poll_options(c, version_id, poll_options_snapshot(c, s->id));
  store::unlink_status_tags(c, s->id);
  link_tags(c, s->id, note.hashtags, now);
  if (author.domain) record_remote_emojis(c, *author.domain, note.emojis, now);
  // Local accounts that boosted it hear that it changed.
  for (int64_t reblog_id : store::reblogs_of(c, s->id)) {
    auto reblog = store::find_status(c, reblog_id);
    auto booster = reblog ? store::find_account(c, reblog->account_id) : std::nullopt;
    if (booster && booster->local()) notify(c, booster->id, author.id, "update", s->id, now);
  }
  return true;
}

bool delete_remote_status(store::Connection& c, const store::AccountRecord& author, const std::string& uri) {
  auto s = store::find_status_by_uri(c, uri);
  if (!s || s->account_id != author.id) return false;
  if (s->reblog_of_id) {
    store::add_to_status_counter(c, *s->reblog_of_id, store::StatusCounter::Reblogs, -1);
  } else if (s->in_reply_to_id) {
    store::add_to_status_counter(c, *s->in_reply_to_id, store::StatusCounter::Replies, -1);
  }
  // The boosts go with it, and out of their boosters' post counts, which counted them.
  for (int64_t reblog_id : store::reblogs_of(c, s->id)) {
    if (auto reblog = store::find_status(c, reblog_id)) {
      store::add_to_account_statuses(c, reblog->account_id, -1, std::nullopt);
    }
    store::delete_status(c, reblog_id);
  }
  store::add_to_account_statuses(c, author.id, -1, std::nullopt);
  store::delete_status(c, s->id);
  return true;
}

std::optional<int64_t> record_remote_announce(store::Connection& c, const store::AccountRecord& booster,
                                              const std::string& announce_uri, const std::string& object_uri,
                                              bool is_public, int64_t now) {
  if (store::find_status_by_uri(c, announce_uri)) return std::nullopt;
  auto original = store::find_status_by_uri(c, object_uri);
  if (!original || original->reblog_of_id) return std::nullopt;
  if (original->visibility != "public" && original->visibility != "unlisted") return std::nullopt;
  if (store::find_reblog(c, booster.id, original->id)) return std::nullopt;
  store::StatusRecord s;
  s.id = store::id_for_time(now);
  s.uri = announce_uri;
  s.account_id = booster.id;
  s.reblog_of_id = original->id;
  s.visibility = is_public ? "public" : "private";
  s.created_at = now;
  s.updated_at = now;
  store::insert_status(c, s);
  store::add_to_status_counter(c, original->id, store::StatusCounter::Reblogs, 1);
  store::add_to_account_statuses(c, booster.id, 1, now);
  store::insert_home_feed(c, store::local_follower_ids(c, booster.id, true), s.id);
  auto author = store::find_account(c, original->account_id);
  if (author && author->local()) notify(c, author->id, booster.id, "reblog", original->id, now);
  return s.id;
}

bool record_remote_like(store::Connection& c, const store::AccountRecord& liker, const std::string& like_uri,
                        const std::string& object_uri, int64_t now) {
  auto status = store::find_status_by_uri(c, object_uri);
  if (!status || !status->local) return false;
  if (status->visibility == "direct" || status->visibility == "private") {
    // Only those who could see it may like it.
    if (!store::is_following(c, liker.id, status->account_id)) return false;
  }
  if (!store::insert_favourite(c, store::next_id(), liker.id, status->id, like_uri, now)) return false;
  store::add_to_status_counter(c, status->id, store::StatusCounter::Favourites, 1);
  notify(c, status->account_id, liker.id, "favourite", status->id, now);
  return true;
}

bool undo_remote_like(store::Connection& c, const store::AccountRecord& liker, const std::string& like_uri,
                      const std::optional<std::string>& object_uri) {
  std::optional<int64_t> status_id = store::delete_favourite_by_uri(c, liker.id, like_uri);
  if (!status_id && object_uri) {
    if (auto status = store::find_status_by_uri(c, *object_uri)) {
      if (store::delete_favourite(c, liker.id, status->id)) status_id = status->id;
    }
  }
  if (!status_id) return false;
  store::add_to_status_counter(c, *status_id, store::StatusCounter::Favourites, -1);
  if (auto status = store::find_status(c, *status_id)) {
    store::delete_notifications(c, status->account_id, liker.id, "favourite", status->id);
  }
  return true;
}

}  // namespace vmst::services
