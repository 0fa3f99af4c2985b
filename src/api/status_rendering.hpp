#pragma once
// Loading and rendering statuses for a handler's answer: one read for the whole page.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/api_context.hpp"
#include "services/status_posting.hpp"

namespace vmst::api {

// The statuses as a JSON array in the given order; ids that are gone are skipped.
nlohmann::json render_statuses(ApiContext& api, const std::vector<int64_t>& ids, std::optional<int64_t> viewer);
nlohmann::json render_status(ApiContext& api, int64_t id, std::optional<int64_t> viewer);

// The posting settings for a request handled with this context.
services::PostingContext posting_context(ApiContext& api);

}  // namespace vmst::api
