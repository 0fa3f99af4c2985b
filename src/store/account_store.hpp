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

// A whole accounts row with its counters: what the converters to ActivityStreams and Mastodon JSON read.
struct AccountRecord {
  int64_t id = 0;
  std::string username;
  std::optional<std::string> domain;  // unset for local accounts
  std::string actor_type;
  std::string display_name, note, note_source;
  std::string uri;
  std::optional<std::string> url;
  std::string inbox_url, outbox_url, shared_inbox_url, followers_url, following_url, featured_url;
  std::string public_key_id, public_key_pem;
  std::optional<std::string> private_key_pem;
  std::optional<int64_t> avatar_media_id, header_media_id;
  std::optional<std::string> avatar_remote_url, header_remote_url;
  std::string fields_json, also_known_as_json;
  std::optional<int64_t> moved_to_account_id;
  bool locked = false, bot = false, discoverable = false, indexable = false, hide_collections = false, memorial = false;
  std::optional<int64_t> silenced_at, suspended_at, gone_at;
  int64_t created_at = 0, updated_at = 0;
  std::optional<int64_t> last_fetched_at;
  int64_t statuses_count = 0, following_count = 0, followers_count = 0;
  std::optional<int64_t> last_status_at;
  std::optional<std::string> avatar_file_path, header_file_path;  // local uploads, relative to the media folder

  bool local() const { return !domain.has_value(); }
};

struct NewInstanceActor {
  int64_t account_id;
  std::string username;  // the instance domain, as Mastodon names its instance actor
  std::string uri, url, inbox_url, outbox_url, shared_inbox_url, public_key_id, public_key_pem, private_key_pem;
  int64_t created_at;
};

// A remote actor as fetched, with its HTML already sanitised.
struct RemoteAccountRow {
  std::string uri;
  std::string username;
  std::string domain;  // host of the actor id, with the port when it has one
  std::string actor_type;
  std::string display_name, note;
  std::optional<std::string> url;
  std::string inbox_url, outbox_url, shared_inbox_url, followers_url, following_url, featured_url;
  std::string public_key_id, public_key_pem;
  std::optional<std::string> avatar_remote_url, header_remote_url;
  std::string fields_json = "[]", also_known_as_json = "[]";
  bool locked = false, bot = false, discoverable = false, indexable = false, memorial = false;
  int64_t fetched_at = 0;
};

// Inserts the actor or refreshes the row with the same uri; returns its id. A different actor holding the same
// handle (an account deleted and re-created at its server) gives up the handle: the old row is renamed.
int64_t upsert_remote_account(Connection& c, const RemoteAccountRow& row, int64_t new_id);

std::optional<AccountRecord> find_account_by_key_id(Connection& c, const std::string& key_id);

std::optional<AccountRecord> find_account(Connection& c, int64_t id);
// The accounts that exist among ids, in no particular order.
std::vector<AccountRecord> find_accounts(Connection& c, const std::vector<int64_t>& ids);
std::optional<AccountRecord> find_account_by_uri(Connection& c, const std::string& uri);
// A local account (including the instance actor) by username, case-insensitively.
std::optional<AccountRecord> find_local_account_by_username(Connection& c, const std::string& username);
std::optional<AccountRecord> find_instance_actor(Connection& c);
// A remote account by username and domain (host[:port]), case-insensitively.
std::optional<AccountRecord> find_remote_account_by_handle(Connection& c, const std::string& username,
                                                           const std::string& domain);
void insert_instance_actor(Connection& c, const NewInstanceActor& actor);

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
