#pragma once
// Which local accounts the federation endpoints serve, as Mastodon's AccountOwnedConcern decides: a sign-up still
// waiting for approval does not exist (404); a deleted account is gone (410); a suspended one still has its actor
// document (an empty shell marked `suspended`, so peers learn of it) but nothing else: its statuses and
// collections are refused (403).
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::activitypub {

enum class LocalAccountUse {
  Actor,    // the actor document itself
  Content,  // its statuses and collections
};

// Throws http::HttpError (404, 410 or 403) when the account may not be served for `use`.
store::AccountRecord require_servable_local_account(store::Database& db, const std::string& username,
                                                    LocalAccountUse use);

}  // namespace vmst::activitypub
