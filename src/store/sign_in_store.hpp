#pragma once
// SQL for signing in: a local user found by the email or username typed into a login form or the password grant.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

struct LoginUser {
  int64_t user_id = 0;
  int64_t account_id = 0;
  std::string username;
  std::string password_hash;  // argon2id, PHC form
  bool approved = true;
  bool disabled = false;
  bool suspended = false;
};

// Case-insensitive, as both are unique without regard to case.
std::optional<LoginUser> find_login_user_by_email(Connection& c, const std::string& email);
std::optional<LoginUser> find_login_user_by_username(Connection& c, const std::string& username);

void record_sign_in(Connection& c, int64_t user_id, int64_t now);

}  // namespace vmst::store
