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

}  // namespace vmst::convert::as
