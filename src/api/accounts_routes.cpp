#include "api/accounts_routes.hpp"

namespace vmst::api {

void add_accounts_routes(http::Router& router, ApiContext& api) {
  add_credential_routes(router, api);
  add_account_read_routes(router, api);
  add_account_action_routes(router, api);
  add_follow_request_routes(router, api);
  add_block_and_mute_routes(router, api);
  add_search_routes(router, api);
}

}  // namespace vmst::api
