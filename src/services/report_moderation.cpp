#include "services/report_moderation.hpp"

#include <algorithm>

#include "services/instance_actor.hpp"
#include "services/report_forwarding.hpp"
#include "services/service_error.hpp"
#include "store/account_moderation_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

ReportDetails details_of(store::Connection& c, store::ReportRecord report) {
  ReportDetails d;
  d.reporter = store::find_account(c, report.account_id);
  d.target = store::find_account(c, report.target_account_id);
  for (int64_t id : report.status_ids) {
    if (auto s = store::find_status(c, id)) d.statuses.push_back(std::move(*s));
  }
  for (auto& rule : store::instance_rules(c)) {
    if (std::find(report.rule_ids.begin(), report.rule_ids.end(), rule.id) != report.rule_ids.end()) {
      d.rules.push_back(std::move(rule));
    }
  }
  d.report = std::move(report);
  return d;
}

ServiceError no_report(int64_t id) { return ServiceError(Kind::NotFound, "no report with id " + std::to_string(id)); }

}  // namespace

std::vector<ReportDetails> list_reports(store::Database& db, bool include_resolved) {
  return db.read([&](store::Connection& c) {
    std::vector<ReportDetails> out;
    for (auto& r : store::list_reports(c, include_resolved)) out.push_back(details_of(c, std::move(r)));
    return out;
  });
}

ReportDetails show_report(store::Database& db, int64_t id) {
  return db.read([&](store::Connection& c) {
    auto report = store::find_report(c, id);
    if (!report) throw no_report(id);
    return details_of(c, std::move(*report));
  });
}

ResolvedReport resolve_report(const ReportResolutionContext& ctx, int64_t id, bool forward) {
  // The Flag is signed by the instance actor, which may have to be created first (outside the write).
  std::optional<store::AccountRecord> instance_actor;
  if (forward) instance_actor = ensure_instance_actor(ctx.db, ctx.urls, ctx.domain);

  auto resolved = ctx.db.write([&](store::Connection& c) {
    auto report = store::find_report(c, id);
    if (!report) throw no_report(id);
    if (report->action_taken_at) throw ServiceError(Kind::Conflict, "report " + std::to_string(id) + " is already resolved");
    const int64_t now = now_millis();
    ResolvedReport out;
    if (forward && !report->forwarded) {
      auto target = store::find_account(c, report->target_account_id);
      auto inbox = target ? report_inbox(*target) : std::nullopt;
      if (!inbox) {
        throw ServiceError(Kind::Invalid, "report " + std::to_string(id) +
                                              " is about a local account (or one without an inbox): there is no "
                                              "server to forward it to");
      }
      if (ctx.enqueue) {
        auto uri = enqueue_report_flag(c, ctx.urls, ctx.enqueue, *instance_actor, *report, *inbox, now);
        store::mark_report_forwarded(c, id, uri, now);
        out.forwarded_now = true;
      }
    }
    store::resolve_report(c, id, ctx.moderator_account_id, now);
    store::AdminAction entry;
    entry.account_id = ctx.moderator_account_id;
    entry.action = "resolve_report";
    entry.target_type = "Report";
    entry.target_id = std::to_string(id);
    entry.summary = out.forwarded_now ? "forwarded" : "";
    entry.created_at = now;
    store::insert_admin_action(c, entry);
    out.details = details_of(c, *store::find_report(c, id));
    return out;
  });
  if (resolved.forwarded_now && ctx.wake_delivery) ctx.wake_delivery();
  return resolved;
}

}  // namespace vmst::services
