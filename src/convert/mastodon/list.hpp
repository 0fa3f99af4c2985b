#pragma once
// List {id, title, replies_policy, exclusive}.
#include <nlohmann/json.hpp>

#include "store/list_store.hpp"

namespace vmst::convert::mastodon {

nlohmann::json list_json(const store::ListRecord& list);

}  // namespace vmst::convert::mastodon
