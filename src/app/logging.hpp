#pragma once
#include <string>

namespace vmst::app {

// Logs go to stderr (stdout is for command output) with UTC timestamps. level: trace|debug|info|warn|error|off.
void configure_logging(const std::string& level);

}  // namespace vmst::app
