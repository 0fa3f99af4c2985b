#pragma once
// Mastodon's Token entity: what /oauth/token and POST /api/v1/accounts answer.
#include <nlohmann/json.hpp>

#include "services/oauth_tokens.hpp"

namespace vmst::convert::mastodon {

// {access_token, token_type: "Bearer", scope, created_at (Unix seconds)}. Mastodon.py checks that `scope` covers
// what it asked for, so it is always present.
nlohmann::json token_json(const services::IssuedToken& token);

}  // namespace vmst::convert::mastodon
