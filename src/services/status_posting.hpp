#pragma once
// Posting, editing and deleting a local status: the rules Mastodon applies, one write transaction for everything
// the status changes (status, mentions, tags, media, counters, home feeds, notifications, search index, delivery
// jobs), then the delivery engine is woken.
//
// Runs on the HTTP worker that called it. Resolving a mention of an unknown remote account fetches over the
// network (WebFinger, then the actor) before the write transaction opens, so the writer lock is never held
// across a fetch.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "federation/webfinger_client.hpp"
#include "services/poll_input.hpp"
#include "store/database.hpp"
#include "store/media_store.hpp"

namespace vmst::services {

struct PostingContext {
  store::Database& db;
  const federation::LocalUrls& urls;
  std::string domain;                      // our instance domain, for "@user@our.domain" mentions
  federation::WebfingerClient* webfinger;  // null: unknown remote mentions stay text
  federation::EnqueueDelivery enqueue;
  std::function<void()> wake_delivery;
  int max_characters = 500;
  int max_media = 4;
};

struct NewStatus {
  int64_t account_id = 0;
  std::optional<int64_t> application_id;
  std::string text;
  std::vector<int64_t> media_ids;
  std::optional<int64_t> in_reply_to_id;
  bool sensitive = false;
  std::string spoiler_text;
  std::optional<std::string> visibility;  // default: the account's posting default, else public
  std::optional<std::string> language;
  std::optional<std::string> idempotency_key;
  std::optional<PollInput> poll;
  // Publishing a scheduled status: the uploads reserved for it may be used.
  std::optional<int64_t> from_scheduled_status_id = std::nullopt;
};

// The checks a new status must pass before anything is written (visibility, blank text, length, poll). Throws
// ServiceError.
void check_new_status(const PostingContext& ctx, const NewStatus& request);

// The author's unattached ready uploads, in the order given; uploads reserved for a scheduled status only for that
// one (`scheduled_status_id`). Throws ServiceError.
std::vector<store::MediaRecord> postable_media(store::Connection& c, const PostingContext& ctx, int64_t account_id,
                                               const std::vector<int64_t>& ids,
                                               std::optional<int64_t> scheduled_status_id);

// Returns the new status id (or the earlier one for a repeated Idempotency-Key). Throws ServiceError.
int64_t post_status(PostingContext& ctx, const NewStatus& request);

struct StatusEdit {
  int64_t account_id = 0;
  int64_t status_id = 0;
  std::string text;
  std::optional<std::vector<int64_t>> media_ids;  // unset: unchanged
  bool sensitive = false;
  std::string spoiler_text;
  std::optional<std::string> language;
  std::optional<PollInput> poll;  // unset: the status has no poll after the edit (Mastodon's rule)
};
// Edits the author's own status, keeping the previous version in its history. Throws ServiceError.
void edit_status(PostingContext& ctx, const StatusEdit& edit);

// Deletes the author's own status (and its reblogs), sending Delete to those who received it. Throws ServiceError.
void delete_own_status(PostingContext& ctx, int64_t account_id, int64_t status_id);

}  // namespace vmst::services
