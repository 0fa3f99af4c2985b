#include "federation/handlers/flag_handler.hpp"

#include <spdlog/spdlog.h>

#include "services/incoming_reports.hpp"

namespace vmst::federation {

void handle_flag(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now) {
  auto report_id = ctx.db.write(
      [&](store::Connection& c) { return services::record_incoming_flag(c, actor, activity, now); });
  if (report_id) {
    spdlog::info("inbox: Flag from {} recorded as report {}", actor.uri, *report_id);
  } else {
    spdlog::debug("inbox: Flag from {} ignored (nothing local named, a repeat, or reports rejected)", actor.uri);
  }
}

}  // namespace vmst::federation
