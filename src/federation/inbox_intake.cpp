#include "federation/inbox_intake.hpp"

#include "convert/activitystreams/remote_actor.hpp"
#include "delivery/enqueue.hpp"
#include "federation/blocked_signer.hpp"
#include "net/url.hpp"
#include "store/account_store.hpp"
#include "store/ids.hpp"
#include "store/inbox_store.hpp"

namespace vmst::federation {

namespace {
// Objects a Create or Update carries inline must live on the actor's host: otherwise a server could publish
// posts in someone else's name. A bare object id is fetched from its origin later, so it needs no check here.
void check_object_origin(const nlohmann::json& activity, const net::Url& actor_url) {
  const std::string type = activity.value("type", "");
  if (type != "Create" && type != "Update") return;
  auto object = activity.find("object");
  if (object == activity.end() || !object->is_object()) return;
  auto object_id = convert::as::id_of(*object);
  if (!object_id) {
    if (type == "Create") throw MalformedActivity("the object of a Create needs an id");
    return;
  }
  auto object_url = net::parse_url(*object_id);
  if (!object_url || !net::same_host(*object_url, actor_url)) {
    throw SignatureRejected("object " + *object_id + " does not belong to the actor's host " + actor_url.host);
  }
  if (auto attributed = object->find("attributedTo"); attributed != object->end()) {
    auto author = convert::as::id_of(*attributed);
    auto author_url = author ? net::parse_url(*author) : std::nullopt;
    if (!author_url || !net::same_host(*author_url, actor_url)) {
      throw SignatureRejected("object " + *object_id + " is attributed to another host's actor");
    }
  }
}
// A Delete whose object is its own actor, an actor we do not know: there is nothing of it here to remove, and its
// key could only be fetched from a server that now answers 410 for it. Mastodon acknowledges these unverified too.
bool deletes_unknown_actor(store::Database& db, std::string_view body) {
  if (body.find("\"Delete\"") == std::string_view::npos) return false;  // spares parsing every other activity
  auto activity = nlohmann::json::parse(body, nullptr, false);
  if (!activity.is_object() || activity.value("type", nlohmann::json()) != "Delete") return false;
  auto actor = convert::as::id_of(activity.value("actor", nlohmann::json()));
  auto object = convert::as::id_of(activity.value("object", nlohmann::json()));
  if (!actor || !object || *actor != *object) return false;
  return !db.read([&](store::Connection& c) { return store::find_account_by_uri(c, *actor).has_value(); });
}

}  // namespace

InboxIntake::InboxIntake(store::Database& db, const SignatureVerifier& verifier) : db_(db), verifier_(verifier) {}

IntakeResult InboxIntake::receive(const IncomingRequest& request, int64_t now_millis) const {
  if (auto host = refused_signer_host(db_, request)) throw DomainRefused(*host + " is blocked by this server");
  if (deletes_unknown_actor(db_, request.body)) return IntakeResult::UnknownActorDeleted;
  // Verify before parsing anything else: unsigned junk costs us as little as possible.
  store::AccountRecord signer = verifier_.verify(request, now_millis / 1000);

  auto activity = nlohmann::json::parse(request.body, nullptr, false);
  if (activity.is_discarded() || !activity.is_object()) throw MalformedActivity("the body is not a JSON object");
  if (!activity.contains("type") || !activity["type"].is_string()) throw MalformedActivity("the activity has no type");
  auto actor_id = activity.contains("actor") ? convert::as::id_of(activity["actor"]) : std::nullopt;
  if (!actor_id) throw MalformedActivity("the activity has no actor");
  if (*actor_id != signer.uri) {
    throw SignatureRejected("signed by " + signer.uri + " but the activity's actor is " + *actor_id);
  }
  auto actor_url = net::parse_url(signer.uri);
  if (!actor_url) throw SignatureRejected("the signer has no usable id");
  check_object_origin(activity, *actor_url);

  std::optional<std::string> activity_id;
  if (activity.contains("id") && activity["id"].is_string()) activity_id = activity["id"].get<std::string>();
  const int64_t row_id = store::next_id();
  bool stored = db_.write([&](store::Connection& c) {
    // A server that just reached us is up: deliveries to it resume at once.
    if (signer.domain) delivery::record_inbound_success(c, *signer.domain);
    return store::insert_inbox_activity(c, row_id, activity_id, signer.uri, std::string(request.body), now_millis);
  });
  if (on_signer_) on_signer_(signer);
  if (!stored) return IntakeResult::AlreadyReceived;
  if (on_stored_) on_stored_();
  return IntakeResult::Stored;
}

}  // namespace vmst::federation
