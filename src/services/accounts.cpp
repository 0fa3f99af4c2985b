#include "services/accounts.hpp"

#include <regex>

#include "crypto/password_hash.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/rsa_keys.hpp"
#include "store/ids.hpp"
#include "store/invite_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

bool valid_username(const std::string& username) {
  static const std::regex pattern("^[A-Za-z0-9_]+([A-Za-z0-9_.-]+[A-Za-z0-9_]+)?$");
  return !username.empty() && username.size() <= 30 && std::regex_match(username, pattern);
}

std::optional<std::string> password_problem(const std::string& password) {
  if (password.size() < 8) return "the password is too short (at least 8 characters)";
  if (password.size() > 72) return "the password is too long (at most 72 characters)";
  return std::nullopt;
}

namespace {
bool valid_email(const std::string& email) {
  static const std::regex pattern(R"(^[^@\s]+@[^@\s]+$)");
  return email.size() <= 320 && std::regex_match(email, pattern);
}
}  // namespace

CreatedLocalAccount create_local_account(store::Database& db, const federation::LocalUrls& urls,
                                         const CreateLocalAccount& request) {
  using Kind = ServiceError::Kind;
  if (!valid_username(request.username)) {
    throw ServiceError(Kind::Invalid, "username \"" + request.username +
                                          "\" is not valid: use up to 30 letters, digits and underscores "
                                          "(dots and dashes only between them)");
  }
  if (!valid_email(request.email)) throw ServiceError(Kind::Invalid, "\"" + request.email + "\" is not an email address");
  if (request.role != "user" && request.role != "moderator" && request.role != "admin") {
    throw ServiceError(Kind::Invalid, "role must be user, moderator or admin");
  }
  if (request.password) {
    if (auto problem = password_problem(*request.password)) throw ServiceError(Kind::Invalid, *problem);
  }

  CreatedLocalAccount created;
  created.username = request.username;
  created.password_generated = !request.password;
  created.password = request.password ? *request.password : crypto::generate_password();

  // The slow parts (argon2, RSA key generation) run before the write lock is taken.
  store::NewLocalAccount row;
  row.account_id = store::next_id();
  row.user_id = store::next_id();
  row.username = request.username;
  row.email = request.email;
  row.password_hash = crypto::hash_password(created.password);
  row.role = request.role;
  row.uri = urls.actor(request.username);
  row.url = urls.profile_page(request.username);
  row.inbox_url = urls.inbox(request.username);
  row.outbox_url = urls.outbox(request.username);
  row.shared_inbox_url = urls.shared_inbox();
  row.followers_url = urls.followers(request.username);
  row.following_url = urls.following(request.username);
  row.featured_url = urls.featured(request.username);
  row.public_key_id = urls.key_id(request.username);
  auto keys = crypto::generate_rsa_keypair();
  row.public_key_pem = keys.public_pem;
  row.private_key_pem = keys.private_pem;
  row.created_at = now_millis();
  row.approved = request.approved;
  row.locale = request.locale;
  row.sign_up_reason = request.sign_up_reason;

  db.write([&](store::Connection& c) {
    if (store::local_username_taken(c, request.username)) {
      throw ServiceError(Kind::Conflict, "username \"" + request.username + "\" is already taken");
    }
    if (store::email_taken(c, request.email)) {
      throw ServiceError(Kind::Conflict, "email " + request.email + " is already in use");
    }
    store::insert_local_account(c, row);
    if (request.invite_code && !store::use_invite(c, *request.invite_code, row.user_id, row.created_at)) {
      throw ServiceError(Kind::Forbidden, "the invite is no longer valid");
    }
  });
  created.account_id = row.account_id;
  created.user_id = row.user_id;
  return created;
}

std::string reset_password(store::Database& db, const std::string& username,
                           const std::optional<std::string>& password) {
  if (password) {
    if (auto problem = password_problem(*password)) throw ServiceError(ServiceError::Kind::Invalid, *problem);
  }
  auto account = db.read([&](store::Connection& c) { return store::find_local_account(c, username); });
  if (!account) throw ServiceError(ServiceError::Kind::NotFound, "no local account named \"" + username + "\"");
  std::string new_password = password ? *password : crypto::generate_password();
  std::string hash = crypto::hash_password(new_password);
  db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    store::update_password_hash(c, account->user_id, hash, now);
    store::end_sessions_and_tokens(c, account->user_id, now);
  });
  return new_password;
}

std::vector<store::LocalAccountSummary> list_local_accounts(store::Database& db) {
  return db.read([](store::Connection& c) { return store::list_local_accounts(c); });
}

}  // namespace vmst::services
