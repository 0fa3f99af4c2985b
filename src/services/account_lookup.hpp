#pragma once
// Finding the account a client names: by id, or by handle ("alice", "alice@remote.example", "@alice@host").
// The instance actor is an implementation detail of federation and is never found here, as in Mastodon.
#include <cstdint>
#include <optional>
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// ServiceError NotFound ("Record not found") when there is no such account.
store::AccountRecord require_account(store::Connection& c, int64_t id);

// The local user behind a token; ServiceError NotFound if the account vanished.
store::AccountRecord require_local_account(store::Connection& c, int64_t id);

struct Handle {
  std::string username;
  std::string domain;  // "" for a bare username
};

// "alice", "@alice", "alice@host", "@alice@host:8080", "acct:alice@host"; nullopt for anything else.
std::optional<Handle> parse_handle(const std::string& text);

// The account with this handle among those already known; `local_domain` names this instance (a handle with it
// is a local one). Does not resolve unknown remote handles, as Mastodon's lookup does not.
std::optional<store::AccountRecord> find_by_handle(store::Connection& c, const Handle& handle,
                                                   const std::string& local_domain);

bool is_hidden_account(const store::AccountRecord& account);

}  // namespace vmst::services
