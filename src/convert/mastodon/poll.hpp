#pragma once
// Poll as the Mastodon client API shows it (client-api.md §3 "Others"; Mastodon's REST::PollSerializer): inside
// every status that has one, and from /api/v1/polls.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "store/poll_store.hpp"

namespace vmst::convert::mastodon {

struct PollViewer {
  int64_t account_id = 0;
  std::vector<int> own_votes;  // the viewer's choices, empty when it did not vote
};

// `viewer` unset (anonymous) leaves out `voted` and `own_votes`, as Mastodon does. The author counts as having
// voted (Mastodon's Poll#voted?), so clients do not offer them the form. Per-option counts are null while a
// hide_totals poll runs.
nlohmann::json poll_json(const store::PollRecord& poll, const std::optional<PollViewer>& viewer, int64_t now);

}  // namespace vmst::convert::mastodon
