#pragma once
// Scheduled statuses, as Mastodon keeps them: POST /api/v1/statuses with a `scheduled_at` at least five minutes
// ahead stores the posting parameters instead of posting (a time already past posts at once); the uploads named
// stay reserved for it; at most 300 wait per account and 25 per day. publish_due_scheduled_statuses() posts the
// due ones through the normal posting path (post_status) and removes them.
//
// The app runs the publishing from the inbox processor's periodic task (its thread wakes every second or two), so
// a due status appears within a few seconds of its time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/status_posting.hpp"
#include "store/id_page.hpp"
#include "store/media_store.hpp"
#include "store/scheduled_status_store.hpp"

namespace vmst::services {

inline constexpr int64_t kMinimumScheduleOffsetMs = 5 * 60 * 1000;
inline constexpr int64_t kScheduledTotalLimit = 300;
inline constexpr int64_t kScheduledDailyLimit = 25;

struct ScheduledStatusView {
  store::ScheduledStatusRecord record;
  std::vector<store::MediaRecord> media;  // in the order the client gave
};

// Mastodon's ScheduledStatus.params for a request: text, poll, media_ids, sensitive, spoiler_text, visibility,
// scheduled_at (null), in_reply_to_id, language, application_id, idempotency, with_rate_limit.
std::string scheduled_params_json(const NewStatus& request);
// The request the params describe, for the account.
NewStatus new_status_from_params(const std::string& params_json, int64_t account_id);

// Stores the request to be posted at `at` (ms). Throws ServiceError Invalid for a time less than five minutes
// ahead, over the limits, or a request post_status would refuse.
ScheduledStatusView schedule_status(PostingContext& ctx, const NewStatus& request, int64_t at, int64_t now);

std::vector<ScheduledStatusView> list_scheduled_statuses(store::Database& db, int64_t account_id,
                                                         const store::IdPage& page);
// ServiceError NotFound when it is not the account's.
ScheduledStatusView get_scheduled_status(store::Database& db, int64_t account_id, int64_t id);
ScheduledStatusView reschedule_status(store::Database& db, int64_t account_id, int64_t id, int64_t at, int64_t now);
void cancel_scheduled_status(store::Database& db, int64_t account_id, int64_t id);

// Posts every status due at `now`; the number posted. One that can no longer be posted (its reply target or
// uploads gone, its author suspended) is dropped with a log line, as Mastodon's worker drops it.
int publish_due_scheduled_statuses(PostingContext& ctx, int64_t now);

}  // namespace vmst::services
