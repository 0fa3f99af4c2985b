#pragma once
// SQL for accounts, account_stats and users (local login identities).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct NewLocalAccount {
  int64_t account_id;
  int64_t user_id;
  std::string username;
  std::string email;
  std::string password_hash;
  std::string role;  // user | moderator | admin
  std::string uri, url, inbox_url, outbox_url, shared_inbox_url, followers_url, following_url, featured_url;
  std::string public_key_id, public_key_pem, private_key_pem;
  int64_t created_at;
};

struct LocalAccountSummary {
  int64_t account_id;
  int64_t user_id;
  std::string username;
  std::string email;
  std::string role;
  bool approved;
  bool disabled;
  bool suspended;
  int64_t created_at;
  std::optional<int64_t> last_sign_in_at;
};

// Inserts the account, its stats row and its user. Throws StoreError(Conflict) when the username or email is taken.
void insert_local_account(Connection& c, const NewLocalAccount& account);

std::vector<LocalAccountSummary> list_local_accounts(Connection& c);

// Case-insensitive, as handles are.
std::optional<LocalAccountSummary> find_local_account(Connection& c, const std::string& username);

bool local_username_taken(Connection& c, const std::string& username);
bool email_taken(Connection& c, const std::string& email);

void update_password_hash(Connection& c, int64_t user_id, const std::string& password_hash, int64_t now);

// Signs the user out everywhere: web sessions deleted, OAuth tokens revoked. Used when the password changes.
void end_sessions_and_tokens(Connection& c, int64_t user_id, int64_t now);

int64_t count_local_users(Connection& c);

}  // namespace vmst::store
