#pragma once
// Rules for local accounts: who may be created, with what name, and how passwords are set.
#include <optional>
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "services/service_error.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct CreateLocalAccount {
  std::string username;
  std::string email;
  std::optional<std::string> password;  // generated when absent
  std::string role = "user";            // user | moderator | admin
  bool approved = true;                 // false: created pending an admin's approval
  std::string locale = "en";
  std::string sign_up_reason{};
  std::optional<std::string> invite_code{};  // counted as used in the same transaction; Forbidden if it no longer is
};

struct CreatedLocalAccount {
  int64_t account_id;
  int64_t user_id;
  std::string username;
  std::string password;  // the one given, or the generated one to show once
  bool password_generated;
};

// Mastodon's rule: letters, digits and underscores, with dots and dashes only inside; at most 30 characters.
bool valid_username(const std::string& username);

// Passwords must be 8 to 72 characters (Mastodon's limits).
std::optional<std::string> password_problem(const std::string& password);

// Throws ServiceError(Invalid) for a bad name, email or password, ServiceError(Conflict) when taken.
CreatedLocalAccount create_local_account(store::Database& db, const federation::LocalUrls& urls,
                                         const CreateLocalAccount& request);

// Sets a new password (generated when absent), signs the user out everywhere, and returns the password. Throws ServiceError(NotFound).
std::string reset_password(store::Database& db, const std::string& username,
                           const std::optional<std::string>& password);

std::vector<store::LocalAccountSummary> list_local_accounts(store::Database& db);

}  // namespace vmst::services
