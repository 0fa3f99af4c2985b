#include "federation/handlers/status_handlers.hpp"

#include <spdlog/spdlog.h>

#include "convert/activitystreams/context.hpp"
#include "convert/activitystreams/remote_actor.hpp"
#include "convert/activitystreams/remote_note.hpp"
#include "services/polls.hpp"
#include "services/remote_account_deletion.hpp"
#include "services/remote_status_fetch.hpp"
#include "services/remote_statuses.hpp"
#include "store/fan_out_store.hpp"
#include "store/status_store.hpp"

namespace vmst::federation {

namespace {

std::optional<convert::as::RemoteNote> authored_note(const nlohmann::json& activity, const store::AccountRecord& actor) {
  auto note = convert::as::parse_remote_note(activity.value("object", nlohmann::json()));
  if (!note) return std::nullopt;
  // Only the author may create or change a note, and it must live on the author's server.
  if (note->attributed_to != actor.uri) {
    spdlog::info("inbox: note {} attributed to {} but sent by {}: ignored", note->uri, note->attributed_to, actor.uri);
    return std::nullopt;
  }
  return note;
}

bool addressed_publicly(const nlohmann::json& activity) {
  for (const char* key : {"to", "cc"}) {
    const auto& list = activity.value(key, nlohmann::json());
    auto check = [](const nlohmann::json& v) {
      return v.is_string() && (v == convert::as::kPublic || v == "as:Public" || v == "Public");
    };
    if (check(list)) return true;
    if (list.is_array())
      for (const auto& v : list)
        if (check(v)) return true;
  }
  return false;
}

}  // namespace

void handle_create(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now) {
  auto note = authored_note(activity, actor);
  if (!note) return;
  auto id = ctx.db.write([&](store::Connection& c) -> std::optional<int64_t> {
    // A vote on one of our polls is counted, never stored as a status.
    if (services::record_remote_vote(c, actor, *note, now)) return std::nullopt;
    return services::record_remote_note(c, actor, *note, now);
  });
  if (!id) {
    spdlog::debug("inbox: note {} already known or of no concern here", note->uri);
    return;
  }
  if (ctx.remote_status_stored) ctx.remote_status_stored(*id);
}

void handle_update(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                   int64_t now) {
  auto note = authored_note(activity, actor);
  if (!note) return;  // Person updates refresh the actor through the resolver elsewhere
  auto id = ctx.db.write([&](store::Connection& c) -> std::optional<int64_t> {
    if (!services::update_remote_note(c, actor, *note, now)) return std::nullopt;
    auto status = store::find_status_by_uri(c, note->uri);
    return status ? std::optional<int64_t>(status->id) : std::nullopt;
  });
  // An edit may bring new attachments.
  if (id && ctx.remote_status_stored) ctx.remote_status_stored(*id);
}

void handle_delete(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor) {
  auto uri = convert::as::id_of(activity.value("object", nlohmann::json()));
  if (!uri) return;
  if (*uri == actor.uri) {
    auto removed = services::delete_remote_account(ctx.db, ctx.media_root, actor.id);
    spdlog::info("inbox: {} deleted itself: its account and {} statuses removed in {} batches", actor.uri,
                 removed.statuses, removed.batches);
    return;
  }
  ctx.db.write([&](store::Connection& c) { services::delete_remote_status(c, actor, *uri); });
}

void handle_announce(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                     int64_t now) {
  auto id = convert::as::id_of(activity);
  auto object = convert::as::id_of(activity.value("object", nlohmann::json()));
  if (!id || !object) return;
  if (!ctx.db.read([&](store::Connection& c) { return store::find_status_by_uri(c, *object).has_value(); })) {
    // A boost of a status we never received: fetched from its origin (outside any transaction) when someone here
    // follows the booster and would see it, as Mastodon does.
    const bool seen_here =
        ctx.db.read([&](store::Connection& c) { return !store::local_follower_ids(c, actor.id, true).empty(); });
    if (!seen_here) return;
    auto fetched = services::fetch_remote_status(ctx.db, ctx.resolver, *object, now);
    if (fetched.kind != services::FetchedStatus::Kind::Status) {
      spdlog::info("inbox: {} boosted {}, which could not be fetched: ignored", actor.uri, *object);
      return;
    }
    if (ctx.remote_status_stored) ctx.remote_status_stored(fetched.status_id);
  }
  ctx.db.write([&](store::Connection& c) {
    services::record_remote_announce(c, actor, *id, *object, addressed_publicly(activity), now);
  });
}

void handle_like(const HandlerContext& ctx, const nlohmann::json& activity, const store::AccountRecord& actor,
                 int64_t now) {
  auto id = convert::as::id_of(activity);
  auto object = convert::as::id_of(activity.value("object", nlohmann::json()));
  if (!id || !object) return;
  ctx.db.write([&](store::Connection& c) { services::record_remote_like(c, actor, *id, *object, now); });
}

bool handle_undo_interaction(const HandlerContext& ctx, const nlohmann::json& object, const store::AccountRecord& actor) {
  auto id = convert::as::id_of(object);
  if (!id) return false;
  const std::string type = object.is_object() ? object.value("type", "") : "";
  std::optional<std::string> target;
  if (object.is_object()) target = convert::as::id_of(object.value("object", nlohmann::json()));
  return ctx.db.write([&](store::Connection& c) {
    if (type == "Announce" || type.empty()) {
      if (services::delete_remote_status(c, actor, *id)) return true;
    }
    if (type == "Like" || type.empty()) return services::undo_remote_like(c, actor, *id, target);
    return false;
  });
}

}  // namespace vmst::federation
