#include "convert/mastodon/token.hpp"

namespace vmst::convert::mastodon {

nlohmann::json token_json(const services::IssuedToken& token) {
  return {{"access_token", token.access_token},
          {"token_type", "Bearer"},
          {"scope", token.scopes},
          {"created_at", token.created_at / 1000}};
}

}  // namespace vmst::convert::mastodon
