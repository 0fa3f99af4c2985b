#pragma once
// The Report entity of the client API (what POST /api/v1/reports answers).
#include <nlohmann/json.hpp>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/report_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json report_json(const store::ReportRecord& report, const store::AccountRecord& target,
                           const federation::LocalUrls& urls);

}  // namespace vmst::convert::mastodon
