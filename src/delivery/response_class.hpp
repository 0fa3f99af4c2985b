#pragma once
// What one delivery attempt's result means for the job, following Mastodon (docs/federation.md §7): any 2xx is
// delivered; 410 means the target actor is gone; other 4xx except 401, 408 and 429, and 501, will never succeed;
// everything else (401, 408, 429, 5xx, 1xx/3xx, network errors and timeouts) is worth another try.
#include <string>

namespace vmst::delivery {

enum class ResponseClass {
  Delivered,  // 2xx
  Gone,       // 410: the actor behind the inbox is gone; the job is dead
  Rejected,   // permanent: retrying cannot help; the job is dead
  Retry,      // temporary: try again later
};

ResponseClass classify_status(int status);

// Whether the answer shows the host up and speaking HTTP sensibly, for circuit breakers and failure days.
// Mastodon counts a delivered or an "unsalvageable" (permanent 4xx) answer as a success of the host.
bool host_answered_sanely(ResponseClass response_class);

// The counter suffix for a status: "2xx" .. "5xx", "other" for anything else, "network" for status 0.
std::string status_class_name(int status);

}  // namespace vmst::delivery
