#pragma once
// Flag: a report forwarded to the reported account's server, from our instance actor (as Mastodon sends it, so the
// reporter is not named there).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vmst::convert::as {

// objects: the reported actor's id, then the reported statuses' ids.
nlohmann::json flag(const std::string& id, const std::string& instance_actor_uri, const std::vector<std::string>& objects,
                    const std::string& comment);

}  // namespace vmst::convert::as
