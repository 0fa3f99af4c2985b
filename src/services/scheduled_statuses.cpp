#include "services/scheduled_statuses.hpp"

#include <spdlog/spdlog.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "services/service_error.hpp"
#include "store/ids.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;
using nlohmann::json;
constexpr int64_t kDayMs = 86'400'000;
constexpr int kPublishBatch = 20;

void check_time(int64_t at, int64_t now) {
  if (at <= now + kMinimumScheduleOffsetMs) {
    throw ServiceError(Kind::Invalid, "Validation failed: Scheduled at The scheduled date must be in the future");
  }
}

// Mastodon's limits: 300 waiting, 25 due on one (UTC) day.
void check_limits(store::Connection& c, int64_t account_id, int64_t at, std::optional<int64_t> moving) {
  const int64_t others = moving ? 1 : 0;
  if (store::count_scheduled_statuses(c, account_id, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()) - others >= kScheduledTotalLimit) {
    throw ServiceError(Kind::Invalid, "Validation failed: You have exceeded the limit of " +
                                          std::to_string(kScheduledTotalLimit) + " scheduled posts");
  }
  const int64_t day = at - at % kDayMs;
  int64_t same_day = store::count_scheduled_statuses(c, account_id, day, day + kDayMs);
  if (moving) {
    if (auto current = store::find_scheduled_status(c, account_id, *moving);
        current && current->scheduled_at >= day && current->scheduled_at < day + kDayMs) {
      --same_day;
    }
  }
  if (same_day >= kScheduledDailyLimit) {
    throw ServiceError(Kind::Invalid, "Validation failed: You have exceeded the limit of " +
                                          std::to_string(kScheduledDailyLimit) + " scheduled posts for today");
  }
}

std::vector<int64_t> media_ids_of(const std::string& params_json) {
  std::vector<int64_t> out;
  auto params = json::parse(params_json, nullptr, false);
  if (!params.is_object() || !params.contains("media_ids") || !params["media_ids"].is_array()) return out;
  for (const auto& id : params["media_ids"]) {
    try {
      out.push_back(id.is_string() ? std::stoll(id.get<std::string>()) : id.get<int64_t>());
    } catch (const std::exception&) {
      // A malformed id names no upload.
    }
  }
  return out;
}

ScheduledStatusView view_of(store::Connection& c, store::ScheduledStatusRecord record) {
  ScheduledStatusView view;
  for (int64_t id : media_ids_of(record.params_json)) {
    if (auto media = store::find_media(c, id)) view.media.push_back(std::move(*media));
  }
  view.record = std::move(record);
  return view;
}

store::ScheduledStatusRecord own(store::Connection& c, int64_t account_id, int64_t id) {
  auto record = store::find_scheduled_status(c, account_id, id);
  if (!record) throw ServiceError(Kind::NotFound, "Record not found");
  return *record;
}

}  // namespace

std::string scheduled_params_json(const NewStatus& r) {
  json media = nullptr;
  if (!r.media_ids.empty()) {
    media = json::array();
    for (int64_t id : r.media_ids) media.push_back(std::to_string(id));
  }
  json poll = nullptr;
  if (r.poll) {
    poll = {{"options", r.poll->options},
            {"expires_in", r.poll->expires_in ? json(*r.poll->expires_in) : json(nullptr)},
            {"multiple", r.poll->multiple},
            {"hide_totals", r.poll->hide_totals}};
  }
  return json{{"text", r.text},
              {"poll", std::move(poll)},
              {"media_ids", std::move(media)},
              {"sensitive", r.sensitive},
              {"spoiler_text", r.spoiler_text.empty() ? json(nullptr) : json(r.spoiler_text)},
              {"visibility", r.visibility ? json(*r.visibility) : json(nullptr)},
              {"scheduled_at", nullptr},
              {"in_reply_to_id", r.in_reply_to_id ? json(std::to_string(*r.in_reply_to_id)) : json(nullptr)},
              {"language", r.language ? json(*r.language) : json(nullptr)},
              {"application_id", r.application_id ? json(*r.application_id) : json(nullptr)},
              {"idempotency", r.idempotency_key ? json(*r.idempotency_key) : json(nullptr)},
              {"with_rate_limit", false}}
      .dump();
}

NewStatus new_status_from_params(const std::string& params_json, int64_t account_id) {
  auto p = json::parse(params_json, nullptr, false);
  if (!p.is_object()) p = json::object();
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (p.contains(key) && p[key].is_string()) return p[key].get<std::string>();
    return std::nullopt;
  };
  NewStatus r;
  r.account_id = account_id;
  if (p.contains("application_id") && p["application_id"].is_number_integer()) {
    r.application_id = p["application_id"].get<int64_t>();
  }
  r.text = text("text").value_or("");
  r.media_ids = media_ids_of(params_json);
  if (auto reply = text("in_reply_to_id")) {
    try {
      r.in_reply_to_id = std::stoll(*reply);
    } catch (const std::exception&) {
    }
  }
  r.sensitive = p.value("sensitive", false);
  r.spoiler_text = text("spoiler_text").value_or("");
  r.visibility = text("visibility");
  r.language = text("language");
  if (p.contains("poll") && p["poll"].is_object()) {
    const auto& poll = p["poll"];
    PollInput input;
    if (poll.contains("options") && poll["options"].is_array()) {
      for (const auto& o : poll["options"])
        if (o.is_string()) input.options.push_back(o.get<std::string>());
    }
    if (poll.contains("expires_in") && poll["expires_in"].is_number_integer()) {
      input.expires_in = poll["expires_in"].get<int64_t>();
    }
    input.multiple = poll.value("multiple", false);
    input.hide_totals = poll.value("hide_totals", false);
    r.poll = std::move(input);
  }
  return r;
}

ScheduledStatusView schedule_status(PostingContext& ctx, const NewStatus& request, int64_t at, int64_t now) {
  check_time(at, now);
  check_new_status(ctx, request);
  return ctx.db.write([&](store::Connection& c) {
    check_limits(c, request.account_id, at, std::nullopt);
    postable_media(c, ctx, request.account_id, request.media_ids, std::nullopt);
    store::ScheduledStatusRecord record{store::id_for_time(now), request.account_id, at,
                                        scheduled_params_json(request), now};
    store::insert_scheduled_status(c, record);
    store::reserve_media(c, record.id, request.media_ids);
    return view_of(c, record);
  });
}

std::vector<ScheduledStatusView> list_scheduled_statuses(store::Database& db, int64_t account_id,
                                                         const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    std::vector<ScheduledStatusView> out;
    for (auto& record : store::scheduled_statuses_page(c, account_id, page)) out.push_back(view_of(c, record));
    return out;
  });
}

ScheduledStatusView get_scheduled_status(store::Database& db, int64_t account_id, int64_t id) {
  return db.read([&](store::Connection& c) { return view_of(c, own(c, account_id, id)); });
}

ScheduledStatusView reschedule_status(store::Database& db, int64_t account_id, int64_t id, int64_t at, int64_t now) {
  return db.write([&](store::Connection& c) {
    auto record = own(c, account_id, id);
    check_time(at, now);
    check_limits(c, account_id, at, id);
    store::set_scheduled_at(c, id, at);
    record.scheduled_at = at;
    return view_of(c, record);
  });
}

void cancel_scheduled_status(store::Database& db, int64_t account_id, int64_t id) {
  db.write([&](store::Connection& c) {
    own(c, account_id, id);
    // Its uploads are released (ON DELETE SET NULL) and may be posted again.
    store::delete_scheduled_status(c, id);
  });
}

int publish_due_scheduled_statuses(PostingContext& ctx, int64_t now) {
  auto due = ctx.db.read([&](store::Connection& c) { return store::due_scheduled_statuses(c, now, kPublishBatch); });
  int published = 0;
  for (const auto& record : due) {
    NewStatus request = new_status_from_params(record.params_json, record.account_id);
    request.from_scheduled_status_id = record.id;
    // Posting twice is impossible even if the removal below never happens (a crash between the two).
    request.idempotency_key = "scheduled-status-" + std::to_string(record.id);
    try {
      post_status(ctx, request);
      ++published;
    } catch (const ServiceError& e) {
      spdlog::warn("scheduled status {} of account {} could not be posted and is dropped: {}", record.id,
                   record.account_id, e.what());
    }
    ctx.db.write([&](store::Connection& c) { store::delete_scheduled_status(c, record.id); });
  }
  return published;
}

}  // namespace vmst::services
