#include "streaming/commit_publisher.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <string>

#include "convert/mastodon/conversation.hpp"
#include "convert/mastodon/notification.hpp"
#include "convert/mastodon/status.hpp"
#include "services/conversations.hpp"
#include "services/notifications.hpp"
#include "services/service_error.hpp"
#include "services/status_views.hpp"
#include "services/timelines.hpp"
#include "store/fan_out_store.hpp"
#include "store/list_store.hpp"
#include "store/status_store.hpp"
#include "streaming/topics.hpp"

namespace vmst::streaming {

namespace {

using Kind = store::CommitEvent::Kind;

// A page holding exactly this status if the reader's timeline would show it: the timelines' own rules (blocks,
// mutes, exclusive lists, hide filters) decide, so a live update never shows what a reload would not.
store::IdPage only(int64_t status_id) {
  store::IdPage page;
  page.max_id = status_id + 1;
  page.since_id = status_id - 1;
  page.limit = 1;
  return page;
}

// Who is involved in a status for the bus's block and mute check: its author, the reblogged author, the mentioned.
std::vector<int64_t> involved(const convert::mastodon::StatusBundle& bundle, int64_t status_id) {
  std::vector<int64_t> out;
  for (const auto* s = bundle.status(status_id); s != nullptr;
       s = s->reblog_of_id ? bundle.status(*s->reblog_of_id) : nullptr) {
    out.push_back(s->account_id);
    if (auto m = bundle.mentions.find(s->id); m != bundle.mentions.end()) {
      out.insert(out.end(), m->second.begin(), m->second.end());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Every public topic: a deleted status's locality and media are gone with it, and clients ignore unknown ids.
std::vector<std::string> all_public_topics() {
  auto out = topics::public_topics(true, true);
  for (auto& t : topics::public_topics(false, true)) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
  }
  return out;
}

struct PublicCopy {
  std::vector<std::string> topics;
  StreamEvent event;
};

// The anonymous rendering of a public, non-reblog status by an author in good standing and the public and hashtag
// topics it belongs on, if anyone listens there.
std::optional<PublicCopy> public_copy(store::Database& db, const federation::LocalUrls& urls, EventBus& bus,
                                      int64_t status_id, const char* event_name) {
  auto bundle = db.read([&](store::Connection& c) { return services::load_statuses(c, {status_id}, std::nullopt); });
  const auto* s = bundle.status(status_id);
  if (s == nullptr || s->visibility != "public" || s->reblog_of_id) return std::nullopt;
  // Public timelines leave out silenced and suspended authors; so do their streams.
  if (const auto* author = bundle.account(s->account_id); !author || author->silenced_at || author->suspended_at) {
    return std::nullopt;
  }
  const auto media = bundle.media.find(status_id);
  const bool has_media = media != bundle.media.end() && !media->second.empty();
  PublicCopy copy;
  copy.topics = topics::public_topics(s->local, has_media);
  if (auto tags = bundle.tags.find(status_id); tags != bundle.tags.end()) {
    for (auto& t : topics::hashtag_topics(tags->second, s->local)) copy.topics.push_back(std::move(t));
  }
  std::erase_if(copy.topics, [&](const std::string& t) { return bus.subscriber_count(t) == 0; });
  if (copy.topics.empty()) return std::nullopt;
  auto json = convert::mastodon::status_json(bundle, status_id, urls);
  if (json.is_null()) return std::nullopt;
  copy.event = StreamEvent{event_name, json.dump(), involved(bundle, status_id)};
  return copy;
}

}  // namespace

void CommitPublisher::publish(const std::vector<store::CommitEvent>& events) noexcept {
  for (const auto& e : events) {
    try {
      switch (e.kind) {
        case Kind::HomeFeedAdded: home_feed_added(e); break;
        case Kind::StatusCreated: status_created(e); break;
        case Kind::StatusUpdated: status_updated(e); break;
        case Kind::StatusDeleted: status_deleted(e); break;
        case Kind::NotificationCreated: notification_created(e); break;
        case Kind::FiltersChanged: filters_changed(e); break;
        case Kind::ConversationUpdated: conversation_updated(e); break;
      }
    } catch (const std::exception& ex) {
      spdlog::warn("streaming: could not publish a change to status {} / notification {}: {}", e.status_id,
                   e.notification_id, ex.what());
    }
  }
}

void CommitPublisher::home_feed_added(const store::CommitEvent& e) {
  for (int64_t reader : e.account_ids) {
    const auto topic = topics::user(reader);
    if (bus_.subscriber_count(topic) == 0) continue;
    auto page = services::home_timeline(db_, reader, only(e.status_id));
    if (page.ids.empty()) continue;
    auto json = convert::mastodon::status_json(page.bundle, e.status_id, urls_);
    if (!json.is_null()) bus_.publish(topic, StreamEvent{"update", json.dump(), {}});
  }

  // Lists: the status's poster (the booster of a reblog) is a member of lists whose owners just received it.
  auto lists = db_.read([&](store::Connection& c) {
    std::vector<store::ListRecord> out;
    auto status = store::find_status(c, e.status_id);
    if (!status) return out;
    for (auto& l : store::lists_with_member(c, status->account_id)) {
      if (std::find(e.account_ids.begin(), e.account_ids.end(), l.account_id) != e.account_ids.end()) {
        out.push_back(std::move(l));
      }
    }
    return out;
  });
  for (const auto& list : lists) {
    const auto topic = topics::list(list.id);
    if (bus_.subscriber_count(topic) == 0) continue;
    auto page = services::list_timeline(db_, list.account_id, list.id, only(e.status_id));
    if (page.ids.empty()) continue;
    auto json = convert::mastodon::status_json(page.bundle, e.status_id, urls_);
    if (!json.is_null()) bus_.publish(topic, StreamEvent{"update", json.dump(), involved(page.bundle, e.status_id)});
  }
}

void CommitPublisher::status_created(const store::CommitEvent& e) {
  if (auto copy = public_copy(db_, urls_, bus_, e.status_id, "update")) bus_.publish(copy->topics, std::move(copy->event));
}

void CommitPublisher::status_updated(const store::CommitEvent& e) {
  auto holders = db_.read([&](store::Connection& c) { return store::home_feed_holders(c, e.status_id); });
  for (int64_t reader : holders) {
    const auto topic = topics::user(reader);
    if (bus_.subscriber_count(topic) == 0) continue;
    auto page = services::home_timeline(db_, reader, only(e.status_id));
    if (page.ids.empty()) continue;
    auto json = convert::mastodon::status_json(page.bundle, e.status_id, urls_);
    if (!json.is_null()) bus_.publish(topic, StreamEvent{"status.update", json.dump(), {}});
  }
  if (auto copy = public_copy(db_, urls_, bus_, e.status_id, "status.update")) {
    bus_.publish(copy->topics, std::move(copy->event));
  }
}

void CommitPublisher::status_deleted(const store::CommitEvent& e) {
  const std::string id = std::to_string(e.status_id);
  for (int64_t reader : e.account_ids) {
    const auto topic = topics::user(reader);
    if (bus_.subscriber_count(topic) > 0) bus_.publish(topic, StreamEvent{"delete", id, {}});
  }
  // The lists of those who received it: the status is gone with its author's list membership, and clients
  // ignore the ids of statuses they never showed.
  auto lists = db_.read([&](store::Connection& c) {
    std::vector<int64_t> out;
    for (int64_t reader : e.account_ids) {
      for (const auto& l : store::lists_of(c, reader)) out.push_back(l.id);
    }
    return out;
  });
  for (int64_t list_id : lists) {
    const auto topic = topics::list(list_id);
    if (bus_.subscriber_count(topic) > 0) bus_.publish(topic, StreamEvent{"delete", id, {}});
  }
  auto listening = all_public_topics();
  for (bool local : {true, false}) {
    for (auto& t : topics::hashtag_topics(e.tags, local)) {
      if (std::find(listening.begin(), listening.end(), t) == listening.end()) listening.push_back(std::move(t));
    }
  }
  std::erase_if(listening, [&](const std::string& t) { return bus_.subscriber_count(t) == 0; });
  if (!listening.empty()) bus_.publish(listening, StreamEvent{"delete", id, {}});
}

void CommitPublisher::notification_created(const store::CommitEvent& e) {
  if (e.account_ids.empty()) return;
  const int64_t reader = e.account_ids.front();
  const auto topic = topics::user_notification(reader);
  if (bus_.subscriber_count(topic) == 0) return;
  services::NotificationPage page;
  try {
    page = services::get_notification(db_, reader, e.notification_id);
  } catch (const services::ServiceError&) {
    return;  // not shown to the reader (a type clients do not know, or from someone they block or mute)
  }
  if (page.rows.empty()) return;
  const auto& row = page.rows.front();
  auto from = page.accounts.find(row.from_account_id);
  if (from == page.accounts.end()) return;
  auto json = convert::mastodon::notification_json(row, from->second, page.statuses, urls_,
                                                   page.severance_event(row.id));
  if (!json.is_null()) bus_.publish(topic, StreamEvent{"notification", json.dump(), {}});
}

void CommitPublisher::filters_changed(const store::CommitEvent& e) {
  if (e.account_ids.empty()) return;
  const auto topic = topics::user(e.account_ids.front());
  if (bus_.subscriber_count(topic) > 0) bus_.publish(topic, StreamEvent{"filters_changed", std::nullopt, {}});
}

void CommitPublisher::conversation_updated(const store::CommitEvent& e) {
  if (e.account_ids.empty()) return;
  const int64_t reader = e.account_ids.front();
  const auto topic = topics::direct(reader);
  if (bus_.subscriber_count(topic) == 0) return;
  // Conversations are paged by their last status, so this page holds the one this status just updated.
  auto page = services::list_conversations(db_, reader, only(e.status_id));
  for (const auto& row : page.rows) {
    auto json = convert::mastodon::conversation_json(row, page.participants(row), page.statuses, urls_);
    bus_.publish(topic, StreamEvent{"conversation", json.dump(), {}});
  }
}

}  // namespace vmst::streaming
