#include "services/reports.hpp"

#include <algorithm>

#include "services/instance_actor.hpp"
#include "services/report_forwarding.hpp"
#include "services/service_error.hpp"
#include "store/ids.hpp"
#include "store/status_store.hpp"
#include "text/status_length.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

constexpr size_t kMaxCommentCharacters = 1000;  // Mastodon's limit for reports written here

const std::vector<std::string>& categories() {
  static const std::vector<std::string> names = {"spam", "legal", "violation", "other"};
  return names;
}

std::vector<int64_t> unique(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

FiledReport file_report(PostingContext& ctx, int64_t reporter_account_id, const NewReport& request) {
  if (request.category && std::find(categories().begin(), categories().end(), *request.category) == categories().end()) {
    throw ServiceError(Kind::Invalid, "Validation failed: Category is not included in the list");
  }
  if (static_cast<size_t>(text::count_plain_characters(request.comment)) > kMaxCommentCharacters) {
    throw ServiceError(Kind::Invalid, "Validation failed: Comment is too long (maximum is 1,000 characters)");
  }
  // Signed by the instance actor, not the reporter: created before the write, as it may need its own.
  auto instance_actor = ensure_instance_actor(ctx.db, ctx.urls, ctx.domain);
  const int64_t now = now_millis();

  bool enqueued = false;
  auto filed = ctx.db.write([&](store::Connection& c) {
    auto target = store::find_account(c, request.target_account_id);
    if (!target || target->id == instance_actor.id) throw ServiceError(Kind::NotFound, "Record not found");

    store::ReportRecord r;
    r.id = store::next_id();
    r.account_id = reporter_account_id;
    r.target_account_id = target->id;
    r.comment = request.comment;
    r.created_at = now;
    r.status_ids = unique(request.status_ids);
    if (store::statuses_by(c, target->id, r.status_ids).size() != r.status_ids.size()) {
      throw ServiceError(Kind::NotFound, "Record not found");
    }
    // The rules broken are this instance's, whoever is reported: they tell our moderators what the complaint is.
    r.rule_ids = unique(request.rule_ids);
    if (store::existing_rule_ids(c, r.rule_ids).size() != r.rule_ids.size()) {
      throw ServiceError(Kind::Invalid, "Validation failed: Rule ids are invalid");
    }
    r.category = request.category.value_or(r.rule_ids.empty() ? "other" : "violation");
    if (r.category == "violation" && r.rule_ids.empty()) {
      throw ServiceError(Kind::Invalid, "Validation failed: Rule ids can't be blank");
    }
    if (r.category != "violation") r.rule_ids.clear();

    auto inbox = report_inbox(*target);
    if (request.forward && inbox && ctx.enqueue) {
      r.forwarded = true;
      r.uri = enqueue_report_flag(c, ctx.urls, ctx.enqueue, instance_actor, r, *inbox, now);
      enqueued = true;
    }
    store::insert_report(c, r);
    return FiledReport{r, *target};
  });
  if (enqueued && ctx.wake_delivery) ctx.wake_delivery();
  return filed;
}

}  // namespace vmst::services
