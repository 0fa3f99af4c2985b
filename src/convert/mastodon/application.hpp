#pragma once
// Mastodon's Application and CredentialApplication entities (entities/Application.md).
#include <nlohmann/json.hpp>

#include "store/oauth_store.hpp"

namespace vmst::convert::mastodon {

// {id, name, website, scopes[], redirect_uri, redirect_uris[], vapid_key}: what verify_credentials returns and
// statuses embed (there with name and website only, see application_summary_json).
nlohmann::json application_json(const store::ApplicationRecord& app);

// Application plus client_id, client_secret and client_secret_expires_at (0: never), answered once, at registration.
nlohmann::json credential_application_json(const store::ApplicationRecord& app);

// {name, website}: the `application` of a Status.
nlohmann::json application_summary_json(const store::ApplicationRecord& app);

}  // namespace vmst::convert::mastodon
