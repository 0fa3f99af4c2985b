#pragma once
// SQL behind the moderators' actions on accounts: approval, suspension, silencing, roles, deletion, and the
// admin action log that records each of them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/fan_out_store.hpp"

namespace vmst::store {

void set_user_approved(Connection& c, int64_t user_id, int64_t now);
void set_user_role(Connection& c, int64_t user_id, const std::string& role, int64_t now);
void set_user_disabled(Connection& c, int64_t user_id, int64_t now);
// Signs the user out of the web UI (OAuth tokens stay, refused while the account is suspended).
void end_web_sessions(Connection& c, int64_t user_id);

bool account_suspended(Connection& c, int64_t account_id);

// Unset clears the mark.
void set_account_suspended(Connection& c, int64_t account_id, std::optional<int64_t> at);
void set_account_silenced(Connection& c, int64_t account_id, std::optional<int64_t> at);

// Removes the account row and everything that hangs off it (its user, tokens, follows...). For sign-ups rejected
// before they were ever approved, whose names are free again.
void delete_account_row(Connection& c, int64_t account_id);

// Empties a local account's profile and marks it deleted and suspended; the row stays so its name stays taken.
void mark_account_deleted(Connection& c, int64_t account_id, int64_t now);

// Deletes the account's statuses, except those named in open reports (the moderators still need them; they are
// hidden with the suspended account). Returns how many were deleted.
int delete_statuses_of(Connection& c, int64_t account_id);

// Ends every follow and follow request to or from the account, keeping the other side's counters right.
void sever_follows_of(Connection& c, int64_t account_id);

// Remote accounts following local `account_id` through follows from the remote side (account_id = follower).
struct RemoteFollowOf {
  int64_t follow_id = 0;
  std::optional<std::string> uri;  // the Follow activity id
  int64_t local_account_id = 0;
};
std::vector<RemoteFollowOf> follows_by_remote(Connection& c, int64_t remote_account_id);
void delete_follows_by(Connection& c, int64_t account_id);

// Inboxes of every known remote account that is not suspended or gone (actor deletions go to all of them).
std::vector<RemoteInbox> known_remote_inboxes(Connection& c);

// What the federation endpoints need to know about a local account besides its row: whether it is still waiting
// for approval, and whether it was deleted.
struct LocalAccountAvailability {
  bool approved = true;
  bool deleted = false;
};
LocalAccountAvailability local_account_availability(Connection& c, int64_t account_id);

// Silenced and deleted marks of every local user's account, by account id (what LocalAccountSummary leaves out).
struct LocalAccountMarks {
  int64_t account_id = 0;
  bool silenced = false;
  bool deleted = false;
};
std::vector<LocalAccountMarks> local_account_marks(Connection& c);

// One entry of the admin audit trail; `account_id` unset for actions taken from the CLI.
struct AdminAction {
  std::optional<int64_t> account_id;
  std::string action;       // e.g. suspend, approve, resolve
  std::string target_type;  // Account, Report, Invite
  std::string target_id;
  std::string summary;
  int64_t created_at = 0;
};
void insert_admin_action(Connection& c, const AdminAction& action);

}  // namespace vmst::store
