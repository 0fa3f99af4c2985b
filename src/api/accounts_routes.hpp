#pragma once
// Accounts, relationships, the social graph and search (client-api.md §2.2, §2.6, §2.7 search). One entry point
// for client_api_routes.cpp; each group lives in its own file.
#include "api/api_context.hpp"
#include "http/router.hpp"

namespace vmst::api {

void add_accounts_routes(http::Router& router, ApiContext& api);

// The groups add_accounts_routes registers.
void add_credential_routes(http::Router& router, ApiContext& api);      // verify/update_credentials
void add_account_read_routes(http::Router& router, ApiContext& api);    // accounts/:id..., relationships, lookup
void add_account_action_routes(http::Router& router, ApiContext& api);  // follow, block, mute, note, pin...
void add_follow_request_routes(http::Router& router, ApiContext& api);
void add_block_and_mute_routes(http::Router& router, ApiContext& api);  // blocks, mutes, domain_blocks
void add_search_routes(http::Router& router, ApiContext& api);          // /api/v2/search, /api/v1/search

}  // namespace vmst::api
