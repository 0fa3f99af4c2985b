#pragma once
// A poll as a client posts it with a status (POST/PUT /api/v1/statuses `poll[...]`); services/polls checks it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vmst::services {

struct PollInput {
  std::vector<std::string> options;
  std::optional<int64_t> expires_in;  // seconds
  bool multiple = false;
  bool hide_totals = false;
};

}  // namespace vmst::services
