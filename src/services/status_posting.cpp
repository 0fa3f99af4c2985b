#include "services/status_posting.hpp"

#include "services/conversations.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

#include "convert/activitystreams/note.hpp"
#include "delivery/fan_out.hpp"
#include "services/emoji_usage.hpp"
#include "services/polls.hpp"
#include "services/service_error.hpp"
#include "services/status_views.hpp"
#include "services/notification_grouping.hpp"
#include "store/account_store.hpp"
#include "store/fan_out_store.hpp"
#include "store/tag_store.hpp"
#include "store/follow_store.hpp"
#include "store/ids.hpp"
#include "store/media_store.hpp"
#include "store/notification_store.hpp"
#include "store/poll_store.hpp"
#include "store/scheduled_status_store.hpp"
#include "store/status_edit_poll_store.hpp"
#include "store/status_store.hpp"
#include "text/hashtag_name.hpp"
#include "text/html_sanitizer.hpp"
#include "text/status_html_renderer.hpp"
#include "text/status_length.hpp"
#include "text/status_text_parser.hpp"
#include "text/status_text_trim.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;
constexpr int64_t kIdempotencyWindowMs = 3'600'000;

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool valid_visibility(const std::string& v) {
  return v == "public" || v == "unlisted" || v == "private" || v == "direct";
}

// What the text says, with its mentions resolved to accounts.
struct RenderedText {
  std::string html;
  std::vector<store::AccountRecord> mentioned;                 // distinct, in order of appearance
  std::vector<std::pair<std::string, std::string>> tags;       // (normalised name, display name), distinct
};

std::optional<store::AccountRecord> resolve_mention(PostingContext& ctx, const text::Token& token) {
  const std::string username = token.username;
  const std::string domain = lower_ascii(token.domain);
  if (domain.empty() || domain == lower_ascii(ctx.domain)) {
    auto local = ctx.db.read([&](store::Connection& c) { return store::find_local_account_by_username(c, username); });
    if (local && local->actor_type != "Application") return local;
    return std::nullopt;
  }
  auto known = ctx.db.read(
      [&](store::Connection& c) { return store::find_remote_account_by_handle(c, username, domain); });
  if (known) return known;
  if (!ctx.webfinger) return std::nullopt;
  try {
    return ctx.webfinger->resolve_handle(username + "@" + domain);
  } catch (const std::exception& e) {
    // Mastodon leaves a mention it cannot resolve as plain text; so do we.
    spdlog::info("mention @{}@{} not resolved: {}", username, domain, e.what());
    return std::nullopt;
  }
}

RenderedText render_text(PostingContext& ctx, const std::string& text) {
  RenderedText out;
  std::map<std::string, store::AccountRecord> by_handle;
  for (const auto& token : text::parse_status_text(text)) {
    if (token.kind == text::TokenKind::mention) {
      const std::string handle = text::mention_handle(token);
      if (by_handle.contains(handle)) continue;
      if (auto account = resolve_mention(ctx, token)) {
        by_handle.emplace(handle, *account);
        bool seen = std::any_of(out.mentioned.begin(), out.mentioned.end(),
                                [&](const auto& a) { return a.id == account->id; });
        if (!seen) out.mentioned.push_back(*account);
      }
    } else if (token.kind == text::TokenKind::hashtag) {
      std::string name = text::normalize_hashtag_name(token.value);
      if (name.empty()) continue;
      bool seen = std::any_of(out.tags.begin(), out.tags.end(), [&](const auto& t) { return t.first == name; });
      if (!seen) out.tags.emplace_back(name, text::hashtag_display_name(token.value));
    }
  }
  text::StatusHtmlOptions options;
  options.resolve_mention = [&](std::string_view handle) -> std::optional<text::MentionLink> {
    auto it = by_handle.find(std::string(handle));
    if (it == by_handle.end()) return std::nullopt;
    const auto& a = it->second;
    return text::MentionLink{a.url.value_or(a.uri), a.username};
  };
  options.hashtag_url = [&](std::string_view tag) {
    return ctx.urls.tag_page(text::hashtag_path_segment(text::normalize_hashtag_name(tag)));
  };
  out.html = text::render_status_html(text, options);
  return out;
}

void check_length(const PostingContext& ctx, const std::string& text, const std::string& spoiler) {
  if (text::count_status_characters(text) + text::count_plain_characters(spoiler) > ctx.max_characters) {
    throw ServiceError(Kind::Invalid,
                       "Validation failed: Text character limit of " + std::to_string(ctx.max_characters) + " exceeded");
  }
}

// The author's unattached (or, for an edit, already attached) ready uploads, in the order given; an upload a
// scheduled status holds only for that status.
std::vector<store::MediaRecord> usable_media(store::Connection& c, const PostingContext& ctx, int64_t account_id,
                                             const std::vector<int64_t>& ids, std::optional<int64_t> editing,
                                             std::optional<int64_t> scheduled = std::nullopt) {
  if (static_cast<int>(ids.size()) > ctx.max_media) {
    throw ServiceError(Kind::Invalid, "Validation failed: Media attachments are limited to " +
                                          std::to_string(ctx.max_media));
  }
  std::vector<store::MediaRecord> out;
  for (int64_t id : ids) {
    auto media = store::find_media(c, id);
    if (!media || media->account_id != account_id || (media->status_id && media->status_id != editing)) {
      throw ServiceError(Kind::Invalid, "Validation failed: Media attachments are invalid");
    }
    if (auto reserved = store::media_reserved_for(c, id); reserved && reserved != scheduled) {
      throw ServiceError(Kind::Invalid, "Validation failed: Media attachments are invalid");
    }
    if (media->state != "ready") {
      throw ServiceError(Kind::Invalid, "Validation failed: Media attachments are still being processed");
    }
    out.push_back(*media);
  }
  return out;
}

// Mastodon refuses media next to a poll with its "too many files" message (PostStatusService#validate_media!).
void check_poll(const PostingContext& ctx, const std::optional<PollInput>& poll, bool with_media) {
  if (!poll) return;
  if (with_media) {
    throw ServiceError(Kind::Invalid, "Cannot attach more than " + std::to_string(ctx.max_media) + " files");
  }
  validate_poll_input(*poll);
}

std::string plain_text_for_search(const std::string& html, const std::string& spoiler) {
  std::string plain = text::html_to_plain_text(html);
  return spoiler.empty() ? plain : spoiler + "\n" + plain;
}

// The inboxes that should receive an activity about a status with this visibility and these mentions.
std::vector<std::string> recipient_inboxes(store::Connection& c, int64_t author_id, const std::string& visibility,
                                           const std::vector<store::AccountRecord>& mentioned) {
  std::vector<delivery::Recipient> recipients;
  if (visibility != "direct") {
    for (auto& inbox : store::remote_follower_inboxes(c, author_id)) {
      recipients.push_back({inbox.inbox_url, inbox.shared_inbox_url});
    }
  }
  for (const auto& m : mentioned) {
    if (m.domain) recipients.push_back({m.inbox_url, m.shared_inbox_url});
  }
  return delivery::collapse_recipients(recipients, visibility == "direct");
}

std::vector<store::AccountRecord> mentioned_accounts(store::Connection& c, int64_t status_id) {
  std::vector<int64_t> ids;
  for (auto& [status, account] : store::mentions_of(c, {status_id})) ids.push_back(account);
  auto found = store::find_accounts(c, ids);
  // Keep the mention order.
  std::vector<store::AccountRecord> out;
  for (int64_t id : ids)
    for (auto& a : found)
      if (a.id == id) out.push_back(a);
  return out;
}

std::vector<std::string> tag_names(store::Connection& c, int64_t status_id) {
  std::vector<std::string> out;
  for (auto& [status, name] : store::tags_of(c, {status_id})) out.push_back(name);
  return out;
}

void link_tags(store::Connection& c, int64_t status_id, const RenderedText& rendered, int64_t now) {
  for (const auto& [name, display] : rendered.tags) {
    int64_t tag_id = store::upsert_tag(c, store::next_id(), name, display, now);
    store::link_status_tag(c, status_id, tag_id);
  }
}

store::AccountRecord own_local_account(store::Connection& c, int64_t account_id) {
  auto author = store::find_account(c, account_id);
  if (!author || !author->local()) throw ServiceError(Kind::NotFound, "Record not found");
  return *author;
}

}  // namespace

void check_new_status(const PostingContext& ctx, const NewStatus& request) {
  const std::string visibility = request.visibility.value_or("public");
  if (!valid_visibility(visibility)) throw ServiceError(Kind::Invalid, "Validation failed: Visibility is invalid");
  if (text::is_blank_status_text(request.text) && request.media_ids.empty()) {
    throw ServiceError(Kind::Invalid, "Validation failed: Text can't be blank");
  }
  check_length(ctx, request.text, request.spoiler_text);
  check_poll(ctx, request.poll, !request.media_ids.empty());
}

std::vector<store::MediaRecord> postable_media(store::Connection& c, const PostingContext& ctx, int64_t account_id,
                                               const std::vector<int64_t>& ids,
                                               std::optional<int64_t> scheduled_status_id) {
  return usable_media(c, ctx, account_id, ids, std::nullopt, scheduled_status_id);
}

int64_t post_status(PostingContext& ctx, const NewStatus& request) {
  const std::string visibility = request.visibility.value_or("public");
  check_new_status(ctx, request);
  if (request.idempotency_key) {
    auto earlier = ctx.db.read([&](store::Connection& c) {
      return store::find_idempotent_status(c, request.account_id, *request.idempotency_key,
                                           now_millis() - kIdempotencyWindowMs);
    });
    if (earlier) return *earlier;
  }

  // Network work (resolving remote mentions) happens before the writer lock is taken.
  RenderedText rendered = render_text(ctx, request.text);

  bool enqueued = false;
  int64_t id = ctx.db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    if (request.idempotency_key) {
      if (auto earlier = store::find_idempotent_status(c, request.account_id, *request.idempotency_key,
                                                       now - kIdempotencyWindowMs)) {
        return *earlier;
      }
    }
    auto author = own_local_account(c, request.account_id);
    auto media = usable_media(c, ctx, author.id, request.media_ids, std::nullopt, request.from_scheduled_status_id);

    store::StatusRecord s;
    s.id = store::id_for_time(now);
    s.uri = ctx.urls.status(author.username, s.id);
    s.url = ctx.urls.status_page(author.username, s.id);
    s.account_id = author.id;
    s.local = true;
    s.application_id = request.application_id;
    s.visibility = visibility;
    s.text = request.text;
    s.content = rendered.html;
    s.spoiler_text = request.spoiler_text;
    s.sensitive = request.sensitive || !request.spoiler_text.empty();
    s.language = request.language;
    s.created_at = now;
    s.updated_at = now;

    std::optional<std::string> parent_uri;
    if (request.in_reply_to_id) {
      auto parent = visible_status(c, *request.in_reply_to_id, author.id);
      if (parent.reblog_of_id) throw ServiceError(Kind::NotFound, "Record not found");
      s.in_reply_to_id = parent.id;
      s.in_reply_to_account_id = parent.account_id;
      s.conversation_id = parent.conversation_id;
      parent_uri = parent.uri;
    }
    if (!s.conversation_id) {
      s.conversation_id = store::next_id();
      store::insert_conversation(c, *s.conversation_id, ctx.urls.base() + "/contexts/" + std::to_string(*s.conversation_id), now);
    }
    store::insert_status(c, s);

    for (const auto& m : rendered.mentioned) store::insert_mention(c, store::next_id(), s.id, m.id, false);
    link_tags(c, s.id, rendered, now);
    std::vector<int64_t> media_ids;
    for (const auto& m : media) media_ids.push_back(m.id);
    store::attach_media(c, s.id, media_ids);
    std::optional<store::PollRecord> poll;
    if (request.poll) poll = create_local_poll(c, s.id, author.id, *request.poll, now);

    store::add_to_account_statuses(c, author.id, 1, now);
    if (s.in_reply_to_id) store::add_to_status_counter(c, *s.in_reply_to_id, store::StatusCounter::Replies, 1);

    // Home feeds: the author, local followers, and for direct messages the mentioned local accounts.
    std::vector<int64_t> home = {author.id};
    if (visibility != "direct") {
      auto followers = store::local_follower_ids(c, author.id, false);
      home.insert(home.end(), followers.begin(), followers.end());
    }
    for (const auto& m : rendered.mentioned) {
      if (m.local() && store::is_blocking(c, m.id, author.id)) continue;
      if (m.local() && visibility == "direct") home.push_back(m.id);
      if (m.local() && m.id != author.id) {
        add_notification(c, {store::next_id(), m.id, author.id, "mention", s.id, now});
      }
    }
    // Followers of its hashtags, as Mastodon's fan-out does for public statuses.
    if (visibility == "public") {
      auto tag_followers = store::local_tag_follower_ids(c, s.id);
      home.insert(home.end(), tag_followers.begin(), tag_followers.end());
    }
    std::sort(home.begin(), home.end());
    home.erase(std::unique(home.begin(), home.end()), home.end());
    store::insert_home_feed(c, home, s.id);
    if (visibility == "direct") {
      std::vector<int64_t> participants;
      for (const auto& m : rendered.mentioned) participants.push_back(m.id);
      record_direct_status(c, s, participants);
    }

    if (visibility == "public" || visibility == "unlisted") {
      store::index_status_text(c, s.id, plain_text_for_search(s.content, s.spoiler_text));
    }
    if (request.idempotency_key) store::insert_idempotency_key(c, author.id, *request.idempotency_key, s.id, now);

    auto inboxes = recipient_inboxes(c, author.id, visibility, rendered.mentioned);
    if (!inboxes.empty() && ctx.enqueue) {
      convert::as::NoteParts parts{s, author, rendered.mentioned, {}, media, parent_uri,
                                   ctx.urls.base() + "/contexts/" + std::to_string(*s.conversation_id),
                                   poll ? &*poll : nullptr, status_emojis(c, s, std::nullopt)};
      for (const auto& [name, display] : rendered.tags) parts.tags.push_back(name);
      ctx.enqueue(c, author.id, convert::as::create_note(parts, ctx.urls).dump(), inboxes, now);
      enqueued = true;
    }
    return s.id;
  });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
  return id;
}

void edit_status(PostingContext& ctx, const StatusEdit& edit) {
  auto current = ctx.db.read([&](store::Connection& c) { return store::find_status(c, edit.status_id); });
  if (!current || current->account_id != edit.account_id || current->reblog_of_id) {
    throw ServiceError(Kind::NotFound, "Record not found");
  }
  if (text::is_blank_status_text(edit.text) && (!edit.media_ids || edit.media_ids->empty())) {
    bool has_media = ctx.db.read([&](store::Connection& c) { return !store::media_of_statuses(c, {current->id}).empty(); });
    if (!has_media || edit.media_ids) throw ServiceError(Kind::Invalid, "Validation failed: Text can't be blank");
  }
  check_length(ctx, edit.text, edit.spoiler_text);
  check_poll(ctx, edit.poll, edit.media_ids && !edit.media_ids->empty());
  RenderedText rendered = render_text(ctx, edit.text);

  bool enqueued = false;
  ctx.db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    auto s = store::find_status(c, edit.status_id);
    if (!s) throw ServiceError(Kind::NotFound, "Record not found");
    auto author = own_local_account(c, edit.account_id);
    auto old_mentions = mentioned_accounts(c, s->id);

    auto media_json_of = [&](const std::vector<int64_t>& ids) { return nlohmann::json(ids).dump(); };
    std::vector<int64_t> old_media;
    for (auto& m : store::media_of_statuses(c, {s->id})) old_media.push_back(m.id);
    // The history holds every version; the first edit also records the original.
    if (store::status_edits(c, s->id).empty()) {
      const int64_t original_id = store::next_id();
      store::insert_status_edit(c, {original_id, s->id, s->account_id, s->text, s->content, s->spoiler_text,
                                    s->sensitive, media_json_of(old_media), s->created_at});
      store::set_status_edit_poll_options(c, original_id, poll_options_snapshot(c, s->id));
    }
    std::vector<int64_t> new_media = old_media;
    if (edit.media_ids) {
      auto media = usable_media(c, ctx, author.id, *edit.media_ids, s->id);
      new_media.clear();
      for (auto& m : media) new_media.push_back(m.id);
      store::detach_media(c, s->id);
      store::attach_media(c, s->id, new_media);
    }
    if (edit.poll && !new_media.empty()) {
      throw ServiceError(Kind::Invalid, "Cannot attach more than " + std::to_string(ctx.max_media) + " files");
    }
    auto poll = replace_local_poll(c, s->id, author.id, edit.poll, now);
    const bool sensitive = edit.sensitive || !edit.spoiler_text.empty();
    store::update_status_content(c, s->id, edit.text, rendered.html, edit.spoiler_text, sensitive,
                                 edit.language ? edit.language : s->language, now);
    const int64_t version_id = store::next_id();
    store::insert_status_edit(c, {version_id, s->id, s->account_id, edit.text, rendered.html,
                                  edit.spoiler_text, sensitive, media_json_of(new_media), now});
    store::set_status_edit_poll_options(c, version_id, poll_options_snapshot(c, s->id));
    store::delete_mentions(c, s->id);
    for (const auto& m : rendered.mentioned) store::insert_mention(c, store::next_id(), s->id, m.id, false);
    store::unlink_status_tags(c, s->id);
    link_tags(c, s->id, rendered, now);
    if (s->visibility == "public" || s->visibility == "unlisted") {
      store::index_status_text(c, s->id, plain_text_for_search(rendered.html, edit.spoiler_text));
    }
    // Those who boosted it are told it changed, as Mastodon does.
    for (int64_t reblog_id : store::reblogs_of(c, s->id)) {
      auto reblog = store::find_status(c, reblog_id);
      if (!reblog) continue;
      auto booster = store::find_account(c, reblog->account_id);
      if (booster && booster->local() && booster->id != author.id) {
        add_notification(c, {store::next_id(), booster->id, author.id, "update", s->id, now});
      }
    }

    auto updated = store::find_status(c, s->id);
    std::vector<store::AccountRecord> everyone = old_mentions;
    for (auto& m : rendered.mentioned) everyone.push_back(m);
    auto inboxes = recipient_inboxes(c, author.id, updated->visibility, everyone);
    if (!inboxes.empty() && ctx.enqueue) {
      std::optional<std::string> parent_uri;
      if (updated->in_reply_to_id) {
        if (auto parent = store::find_status(c, *updated->in_reply_to_id)) parent_uri = parent->uri;
      }
      convert::as::NoteParts parts{*updated, author, rendered.mentioned, tag_names(c, s->id),
                                   store::media_of_statuses(c, {s->id}), parent_uri, std::nullopt,
                                   poll ? &*poll : nullptr, status_emojis(c, *updated, std::nullopt)};
      if (updated->conversation_id) {
        parts.conversation_uri = ctx.urls.base() + "/contexts/" + std::to_string(*updated->conversation_id);
      }
      ctx.enqueue(c, author.id, convert::as::update_note(parts, ctx.urls).dump(), inboxes, now);
      enqueued = true;
    }
  });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
}

void delete_own_status(PostingContext& ctx, int64_t account_id, int64_t status_id) {
  bool enqueued = false;
  ctx.db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    auto s = store::find_status(c, status_id);
    if (!s || s->account_id != account_id) throw ServiceError(Kind::NotFound, "Record not found");
    auto author = own_local_account(c, account_id);
    auto mentioned = mentioned_accounts(c, s->id);
    auto inboxes = recipient_inboxes(c, author.id, s->visibility, mentioned);

    // A boost counted among its booster's posts (as in Mastodon) as much as a post does.
    store::add_to_account_statuses(c, author.id, -1, std::nullopt);
    if (s->reblog_of_id) {
      store::add_to_status_counter(c, *s->reblog_of_id, store::StatusCounter::Reblogs, -1);
    } else if (s->in_reply_to_id) {
      store::add_to_status_counter(c, *s->in_reply_to_id, store::StatusCounter::Replies, -1);
    }
    for (int64_t reblog_id : store::reblogs_of(c, s->id)) {
      if (auto reblog = store::find_status(c, reblog_id)) {
        store::add_to_account_statuses(c, reblog->account_id, -1, std::nullopt);
      }
      store::delete_status(c, reblog_id);
    }
    store::detach_media(c, s->id);
    store::delete_status(c, s->id);

    if (!inboxes.empty() && ctx.enqueue) {
      nlohmann::json activity;
      if (s->reblog_of_id) {
        auto original = store::find_status(c, *s->reblog_of_id);
        auto original_author = original ? store::find_account(c, original->account_id) : std::nullopt;
        if (original && original_author) {
          activity = convert::as::undo(convert::as::announce(*s, author, *original, *original_author), author.uri);
        }
      } else {
        std::vector<std::string> uris;
        for (auto& m : mentioned) uris.push_back(m.uri);
        activity = convert::as::delete_note(*s, author, uris);
      }
      if (!activity.is_null()) {
        ctx.enqueue(c, author.id, activity.dump(), inboxes, now);
        enqueued = true;
      }
    }
  });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
}

}  // namespace vmst::services
