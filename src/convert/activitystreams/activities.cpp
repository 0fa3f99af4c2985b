#include "convert/activitystreams/activities.hpp"

#include "convert/activitystreams/context.hpp"

namespace vmst::convert::as {

nlohmann::json follow_reference(const std::string& follow_id, const std::string& follower_uri,
                                const std::string& target_uri) {
  return {{"id", follow_id}, {"type", "Follow"}, {"actor", follower_uri}, {"object", target_uri}};
}

namespace {
nlohmann::json answer_follow(const char* type, const char* fragment, const store::AccountRecord& target,
                             const nlohmann::json& follow, int64_t sequence) {
  return {{"@context", kActivityStreams},
          {"id", target.uri + "#" + fragment + "/follows/" + std::to_string(sequence)},
          {"type", type},
          {"actor", target.uri},
          {"object", follow}};
}
}  // namespace

nlohmann::json accept_follow(const store::AccountRecord& target, const nlohmann::json& follow, int64_t sequence) {
  return answer_follow("Accept", "accepts", target, follow, sequence);
}

nlohmann::json reject_follow(const store::AccountRecord& target, const nlohmann::json& follow, int64_t sequence) {
  return answer_follow("Reject", "rejects", target, follow, sequence);
}

nlohmann::json follow_activity(const std::string& id, const store::AccountRecord& follower,
                               const store::AccountRecord& target) {
  return {{"@context", kActivityStreams}, {"id", id}, {"type", "Follow"}, {"actor", follower.uri}, {"object", target.uri}};
}

nlohmann::json block_activity(const std::string& id, const store::AccountRecord& blocker,
                              const store::AccountRecord& target) {
  return {{"@context", kActivityStreams}, {"id", id}, {"type", "Block"}, {"actor", blocker.uri}, {"object", target.uri}};
}

nlohmann::json undo_activity(const store::AccountRecord& actor, const nlohmann::json& object) {
  nlohmann::json inner = object;
  inner.erase("@context");
  // Mastodon names an Undo after what it undoes, which keeps the id unique and recognisable.
  const std::string id = inner.value("id", actor.uri + "#activity") + "/undo";
  return {{"@context", kActivityStreams}, {"id", id}, {"type", "Undo"}, {"actor", actor.uri}, {"object", inner}};
}

nlohmann::json update_actor_activity(const nlohmann::json& actor, int64_t sequence) {
  nlohmann::json object = actor;
  object.erase("@context");
  const std::string uri = actor.value("id", "");
  return {{"@context", actor_context()},
          {"id", uri + "#updates/" + std::to_string(sequence)},
          {"type", "Update"},
          {"actor", uri},
          {"to", nlohmann::json::array({kPublic})},
          {"object", object}};
}

nlohmann::json delete_actor_activity(const store::AccountRecord& account) {
  return {{"@context", kActivityStreams},
          {"id", account.uri + "#delete"},
          {"type", "Delete"},
          {"actor", account.uri},
          {"to", nlohmann::json::array({kPublic})},
          {"object", account.uri}};
}

}  // namespace vmst::convert::as
