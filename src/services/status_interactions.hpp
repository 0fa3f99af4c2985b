#pragma once
// What a user does to a status: favourite, reblog, bookmark, pin, mute the conversation, and their undos. Each is
// one write transaction with its counters, notifications and (for remote authors and followers) the activity to
// deliver. Repeating an action is a no-op, as in Mastodon.
#include <cstdint>
#include <optional>
#include <string>

#include "services/status_posting.hpp"

namespace vmst::services {

void favourite_status(PostingContext& ctx, int64_t account_id, int64_t status_id);
void unfavourite_status(PostingContext& ctx, int64_t account_id, int64_t status_id);

// Returns the reblog wrapper's id (the existing one when already reblogged).
int64_t reblog_status(PostingContext& ctx, int64_t account_id, int64_t status_id,
                      const std::optional<std::string>& visibility);
void unreblog_status(PostingContext& ctx, int64_t account_id, int64_t status_id);

void bookmark_status(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on);
void pin_status(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on);
void mute_status_conversation(PostingContext& ctx, int64_t account_id, int64_t status_id, bool on);

inline constexpr int kMaxPinnedStatuses = 5;

}  // namespace vmst::services
