#pragma once
// SQL for the poll options each version of a status had (status_edits.poll_options), for its edit history.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "store/database.hpp"

namespace vmst::store {

// Records the options (a JSON array of titles) of the edit's poll; nullopt: the version had no poll.
void set_status_edit_poll_options(Connection& c, int64_t edit_id, const std::optional<std::string>& options_json);
// Edit id -> options JSON, for the edits of the status that recorded a poll.
std::unordered_map<int64_t, std::string> status_edit_poll_options(Connection& c, int64_t status_id);

}  // namespace vmst::store
