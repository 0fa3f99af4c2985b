#include "convert/activitystreams/flag.hpp"

#include "convert/activitystreams/context.hpp"

namespace vmst::convert::as {

nlohmann::json flag(const std::string& id, const std::string& instance_actor_uri, const std::vector<std::string>& objects,
                    const std::string& comment) {
  return {{"@context", kActivityStreams},
          {"id", id},
          {"type", "Flag"},
          {"actor", instance_actor_uri},
          {"content", comment},
          {"object", objects}};
}

}  // namespace vmst::convert::as
