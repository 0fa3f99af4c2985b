#include "convert/mastodon/list.hpp"

namespace vmst::convert::mastodon {

nlohmann::json list_json(const store::ListRow& list) {
  return {{"id", std::to_string(list.id)},
          {"title", list.title},
          {"replies_policy", list.replies_policy},
          {"exclusive", list.exclusive}};
}

}  // namespace vmst::convert::mastodon
