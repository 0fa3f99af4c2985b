#include "convert/mastodon/list.hpp"

namespace vmst::convert::mastodon {

nlohmann::json list_json(const store::ListRecord& l) {
  return {{"id", std::to_string(l.id)},
          {"title", l.title},
          {"replies_policy", l.replies_policy},
          {"exclusive", l.exclusive}};
}

}  // namespace vmst::convert::mastodon
