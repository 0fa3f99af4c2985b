#include "federation/actor_resolver.hpp"

#include <nlohmann/json.hpp>

#include "convert/activitystreams/remote_actor.hpp"
#include "federation/request_signing.hpp"
#include "store/domain_block_store.hpp"
#include "services/remote_emojis.hpp"
#include "store/ids.hpp"
#include "text/html_sanitizer.hpp"
#include "time/timestamps.hpp"

namespace vmst::federation {

namespace {
constexpr size_t kMaxActorBytes = 1024 * 1024;

bool is_activity_json(const std::string& content_type) {
  auto type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/activity+json" || type == "application/ld+json" || type == "application/json";
}
}  // namespace

ActorResolver::ActorResolver(store::Database& db, net::NetPolicy policy, const LocalUrls& urls)
    : db_(db), policy_(std::move(policy)), urls_(urls) {}

bool ActorResolver::is_local(const std::string& uri) const {
  auto url = net::parse_url(uri);
  auto base = net::parse_url(urls_.base());
  return url && base && url->authority() == base->authority();
}

net::FetchResponse ActorResolver::fetch_json(const std::string& url) {
  // Blocked servers are not asked for anything: this covers signature keys, mentions, search and follows alike.
  if (auto parsed = net::parse_url(url)) refuse_blocked_host(parsed->authority());
  auto instance_actor = db_.read([](store::Connection& c) { return store::find_instance_actor(c); });
  if (!instance_actor || !instance_actor->private_key_pem) throw ResolveError("the instance actor is missing");
  net::FetchRequest request;
  request.url = url;
  request.headers.emplace("Accept", "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
  request.max_body_bytes = kMaxActorBytes;
  request.sign = sign_as(instance_actor->public_key_id, *instance_actor->private_key_pem);
  net::FetchResponse response;
  try {
    response = net::fetch(policy_, request);
  } catch (const net::FetchError& e) {
    throw ResolveError(std::string("fetching ") + url + " failed: " + e.what());
  }
  if (response.status == 410) throw ResolveError(url + " is gone (410)");
  if (response.status != 200) throw ResolveError(url + " answered " + std::to_string(response.status));
  if (!is_activity_json(response.header("Content-Type"))) {
    throw ResolveError(url + " did not answer with ActivityStreams JSON (" + response.header("Content-Type") + ")");
  }
  return response;
}

nlohmann::json ActorResolver::fetch_object(const std::string& url) {
  if (is_local(url)) throw ResolveError(url + " is one of ours");
  auto response = fetch_json(url);
  auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (!doc.is_object()) throw ResolveError(url + " answered with something other than a JSON object");
  auto id = convert::as::id_of(doc);
  auto id_url = id ? net::parse_url(*id) : std::nullopt;
  auto final_url = net::parse_url(response.url);
  if (!id_url || !final_url || !net::same_host(*id_url, *final_url)) {
    throw ResolveError(url + " answered with an object whose id is not on its own host");
  }
  return doc;
}

store::AccountRecord ActorResolver::fetch_and_store(const std::string& uri, const std::string& key_id) {
  auto response = fetch_json(uri);
  auto doc = nlohmann::json::parse(response.body, nullptr, false);
  if (doc.is_discarded()) throw ResolveError(uri + " answered with invalid JSON");

  // A key document ({id, owner, publicKeyPem}, as GoToSocial serves at its key URL) points to its owner.
  auto final_url = net::parse_url(response.url);
  if (doc.is_object() && doc.contains("owner") && !doc.contains("inbox")) {
    auto owner = convert::as::id_of(doc["owner"]);
    if (!owner) throw ResolveError(uri + " is a key without an owner");
    auto owner_url = net::parse_url(*owner);
    if (!owner_url || !final_url || !net::same_host(*owner_url, *final_url)) {
      throw ResolveError("key " + uri + " names an owner on another host");
    }
    response = fetch_json(*owner);
    doc = nlohmann::json::parse(response.body, nullptr, false);
    final_url = net::parse_url(response.url);
  }

  std::string problem;
  auto actor = convert::as::parse_remote_actor(doc, key_id, &problem);
  if (!actor) throw ResolveError(uri + ": " + problem);
  auto id_url = net::parse_url(actor->id);
  // The document must come from the host that owns the id it claims, or anyone could serve anyone's actor.
  if (!id_url || !final_url || !net::same_host(*id_url, *final_url)) {
    throw ResolveError("actor " + actor->id + " was served by another host (" + response.url + ")");
  }
  if (!key_id.empty() && actor->public_key_id != key_id) {
    throw ResolveError("actor " + actor->id + " does not have the key " + key_id);
  }
  if (is_local(actor->id)) throw ResolveError("refusing to store a remote copy of local actor " + actor->id);

  store::RemoteAccountRow row;
  row.uri = actor->id;
  row.username = actor->preferred_username;
  row.domain = id_url->authority();
  row.actor_type = actor->type;
  row.display_name = actor->name;
  row.note = text::sanitize_remote_html(actor->summary);
  row.url = actor->url;
  row.inbox_url = actor->inbox;
  row.outbox_url = actor->outbox;
  row.shared_inbox_url = actor->shared_inbox;
  row.followers_url = actor->followers;
  row.following_url = actor->following;
  row.featured_url = actor->featured;
  row.public_key_id = actor->public_key_id;
  row.public_key_pem = actor->public_key_pem;
  row.avatar_remote_url = actor->avatar_url;
  row.header_remote_url = actor->header_url;
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& [name, value] : actor->fields) {
    fields.push_back({{"name", name}, {"value", text::sanitize_remote_html(value)}, {"verified_at", nullptr}});
  }
  row.fields_json = fields.dump();
  row.also_known_as_json = nlohmann::json(actor->also_known_as).dump();
  row.locked = actor->manually_approves_followers;
  row.bot = actor->type == "Service" || actor->type == "Application";
  row.discoverable = actor->discoverable;
  row.indexable = actor->indexable;
  row.memorial = actor->memorial;
  row.fetched_at = now_millis();
  const int64_t new_id = store::next_id();
  return db_.write([&](store::Connection& c) {
    if (store::rejects_media_from(c, row.domain)) {
      row.avatar_remote_url.reset();
      row.header_remote_url.reset();
    }
    int64_t id = store::upsert_remote_account(c, row, new_id);
    // A silencing domain block covers accounts first seen after it, too.
    if (auto block = store::covering_domain_block(c, row.domain); block && block->severity == "silence") {
      store::silence_account_for_domain_block(c, id, now_millis());
    }
    services::record_remote_emojis(c, row.domain, actor->emojis, row.fetched_at);
    return *store::find_account(c, id);
  });
}

void ActorResolver::refuse_blocked_host(const std::string& authority) const {
  if (db_.read([&](store::Connection& c) { return store::refuses_federation_with(c, authority); })) {
    throw ResolveError(store::host_without_port(authority) + " is blocked by this server");
  }
}

store::AccountRecord ActorResolver::by_key_id(const std::string& key_id, bool refresh) {
  if (is_local(key_id)) {
    auto local = db_.read([&](store::Connection& c) { return store::find_account_by_key_id(c, key_id); });
    if (!local) throw ResolveError("no local actor has the key " + key_id);
    return *local;
  }
  if (!refresh) {
    auto known = db_.read([&](store::Connection& c) { return store::find_account_by_key_id(c, key_id); });
    if (known) return *known;
  }
  // The key id usually is the actor id plus a fragment; the fetcher drops the fragment.
  return fetch_and_store(key_id, key_id);
}

store::AccountRecord ActorResolver::by_uri(const std::string& uri, bool refresh) {
  auto known = db_.read([&](store::Connection& c) { return store::find_account_by_uri(c, uri); });
  if (known && (known->local() || !refresh)) return *known;
  if (is_local(uri)) throw ResolveError("no local actor " + uri);
  return fetch_and_store(uri, "");
}

}  // namespace vmst::federation
