#pragma once
// The moderators' side of reports (vmst report list|show|resolve): reports filed here through POST /api/v1/reports
// and those other servers sent as Flag activities. Resolving can forward a report about a remote account to its
// server, as Mastodon's moderators can when the reporter did not.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "federation/handlers/handler_context.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/instance_store.hpp"
#include "store/report_store.hpp"
#include "store/status_store.hpp"

namespace vmst::services {

struct ReportDetails {
  store::ReportRecord report;
  std::optional<store::AccountRecord> reporter;  // unset if the account is gone
  std::optional<store::AccountRecord> target;
  std::vector<store::StatusRecord> statuses;
  std::vector<store::InstanceRule> rules;  // the rules the report names that still exist
};

// Newest first; open ones only unless include_resolved.
std::vector<ReportDetails> list_reports(store::Database& db, bool include_resolved);

// ServiceError NotFound for an unknown id.
ReportDetails show_report(store::Database& db, int64_t id);

struct ReportResolutionContext {
  store::Database& db;
  const federation::LocalUrls& urls;
  std::string domain;
  federation::EnqueueDelivery enqueue;
  std::function<void()> wake_delivery;
  std::optional<int64_t> moderator_account_id;  // unset from the CLI
};

struct ResolvedReport {
  ReportDetails details;
  bool forwarded_now = false;  // a Flag was queued by this call
};

// Marks the report as acted on. With forward: a Flag goes to the target's server first, unless the report was
// already forwarded. ServiceError NotFound for an unknown id, Conflict when already resolved, Invalid when forward
// is asked for a report about a local account (nothing is changed then).
ResolvedReport resolve_report(const ReportResolutionContext& ctx, int64_t id, bool forward);

}  // namespace vmst::services
