#pragma once
// SQL for statuses, their counters, mentions, hashtags and the per-viewer interaction flags.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct StatusRecord {
  int64_t id = 0;
  std::string uri;
  std::optional<std::string> url;
  int64_t account_id = 0;
  bool local = false;
  std::optional<int64_t> in_reply_to_id, in_reply_to_account_id;
  std::optional<std::string> in_reply_to_uri;
  std::optional<int64_t> reblog_of_id, conversation_id, application_id;
  std::string visibility = "public";
  std::string text, content, spoiler_text;
  bool sensitive = false;
  std::optional<std::string> language;
  int64_t created_at = 0, updated_at = 0;
  std::optional<int64_t> edited_at, deleted_at;
  int64_t replies_count = 0, reblogs_count = 0, favourites_count = 0;
};

// Inserts the status and its counters row.
void insert_status(Connection& c, const StatusRecord& status);
std::optional<StatusRecord> find_status(Connection& c, int64_t id);
std::optional<StatusRecord> find_status_by_uri(Connection& c, const std::string& uri);
// The live (not deleted) statuses among ids, in no particular order. On a reader, from the record cache where it
// has them (record_caches.hpp).
std::vector<StatusRecord> find_statuses(Connection& c, const std::vector<int64_t>& ids);
// The viewer's reblog of a status, if any.
std::optional<int64_t> find_reblog(Connection& c, int64_t account_id, int64_t reblog_of_id);
// Reblogs of the status (wrappers), for deleting them with it.
std::vector<int64_t> reblogs_of(Connection& c, int64_t status_id);

// Replaces text and rendered fields after an edit.
void update_status_content(Connection& c, int64_t id, const std::string& text, const std::string& content,
                           const std::string& spoiler_text, bool sensitive, const std::optional<std::string>& language,
                           int64_t edited_at);
void delete_status(Connection& c, int64_t id);

enum class StatusCounter { Replies, Reblogs, Favourites };
void add_to_status_counter(Connection& c, int64_t status_id, StatusCounter counter, int delta);
// statuses_count and last_status_at of the author.
void add_to_account_statuses(Connection& c, int64_t account_id, int delta, std::optional<int64_t> last_status_at);

void insert_mention(Connection& c, int64_t id, int64_t status_id, int64_t account_id, bool silent);
// (status_id, account_id) pairs.
std::vector<std::pair<int64_t, int64_t>> mentions_of(Connection& c, const std::vector<int64_t>& status_ids);
void delete_mentions(Connection& c, int64_t status_id);

// Finds or creates the tag by its normalised name and returns its id.
int64_t upsert_tag(Connection& c, int64_t new_id, const std::string& name, const std::string& display_name,
                   int64_t now);
void link_status_tag(Connection& c, int64_t status_id, int64_t tag_id);
void unlink_status_tags(Connection& c, int64_t status_id);
// (status_id, normalised tag name) pairs.
std::vector<std::pair<int64_t, std::string>> tags_of(Connection& c, const std::vector<int64_t>& status_ids);
std::optional<int64_t> find_tag_id(Connection& c, const std::string& name);

struct ViewerFlags {
  std::set<int64_t> favourited, reblogged, bookmarked, pinned, muted;
};
// What the viewer did to each of the statuses (muted = the status's conversation is muted).
ViewerFlags viewer_flags(Connection& c, int64_t viewer_account_id, const std::vector<int64_t>& status_ids);

// (application id, name, website) for the statuses' applications.
struct ApplicationName {
  int64_t id;
  std::string name;
  std::optional<std::string> website;
};
std::vector<ApplicationName> application_names(Connection& c, const std::vector<int64_t>& application_ids);

// Status edits, oldest first.
struct StatusEditRecord {
  int64_t id = 0;
  int64_t status_id = 0;
  int64_t account_id = 0;
  std::string text, content, spoiler_text;
  bool sensitive = false;
  std::string media_ids_json = "[]";
  int64_t created_at = 0;
};
void insert_status_edit(Connection& c, const StatusEditRecord& edit);
std::vector<StatusEditRecord> status_edits(Connection& c, int64_t status_id);

// Statuses in the thread: direct ancestors (walking in_reply_to_id) and all descendants.
std::vector<int64_t> ancestor_ids(Connection& c, int64_t status_id, int max_depth);
std::vector<int64_t> descendant_ids(Connection& c, int64_t status_id, int max_count);

// A status created with the same Idempotency-Key by the account since `since`.
std::optional<int64_t> find_idempotent_status(Connection& c, int64_t account_id, const std::string& key, int64_t since);
void insert_idempotency_key(Connection& c, int64_t account_id, const std::string& key, int64_t status_id, int64_t now);

std::optional<int64_t> find_conversation_by_uri(Connection& c, const std::string& uri);
void insert_conversation(Connection& c, int64_t id, const std::optional<std::string>& uri, int64_t now);

}  // namespace vmst::store
