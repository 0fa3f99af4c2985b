#pragma once
// Forwarding a report about a remote account to its server: a Flag from our instance actor naming the account and
// the reported statuses, so the reporter stays anonymous there. Used when a user asks for it (POST /api/v1/reports
// with forward=true) and when a moderator resolves a report with `vmst report resolve --forward`.
#include <cstdint>
#include <optional>
#include <string>

#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/report_store.hpp"

namespace vmst::services {

// The inbox a Flag about `target` goes to; unset for local accounts or remote ones without an inbox.
std::optional<std::string> report_inbox(const store::AccountRecord& target);

// Enqueues the Flag inside the caller's write transaction and returns its id (the report's uri).
std::string enqueue_report_flag(store::Connection& c, const federation::LocalUrls& urls,
                                const federation::EnqueueDelivery& enqueue, const store::AccountRecord& instance_actor,
                                const store::ReportRecord& report, const std::string& inbox, int64_t now);

}  // namespace vmst::services
