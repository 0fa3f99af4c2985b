#pragma once
// SQL for a user's actions on statuses: favourites, bookmarks, pins and muted conversations, and the account lists
// behind "favourited by" / "reblogged by".
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

// Insert-if-absent; true when a row was added.
bool insert_favourite(Connection& c, int64_t id, int64_t account_id, int64_t status_id,
                      const std::optional<std::string>& uri, int64_t now);
// The removed favourite's id, if there was one.
std::optional<int64_t> delete_favourite(Connection& c, int64_t account_id, int64_t status_id);
// Removes the account's favourite recorded with this Like id; returns the status it was on.
std::optional<int64_t> delete_favourite_by_uri(Connection& c, int64_t account_id, const std::string& uri);
bool insert_bookmark(Connection& c, int64_t id, int64_t account_id, int64_t status_id, int64_t now);
bool delete_bookmark(Connection& c, int64_t account_id, int64_t status_id);
bool insert_pin(Connection& c, int64_t id, int64_t account_id, int64_t status_id, int64_t now);
bool delete_pin(Connection& c, int64_t account_id, int64_t status_id);
int count_pins(Connection& c, int64_t account_id);
void mute_conversation(Connection& c, int64_t account_id, int64_t conversation_id);
void unmute_conversation(Connection& c, int64_t account_id, int64_t conversation_id);

// (row id, account id) pairs, newest first, below max_row (exclusive) when given: the pages of favourited_by and
// reblogged_by use row ids as cursors.
std::vector<std::pair<int64_t, int64_t>> favouriters(Connection& c, int64_t status_id, std::optional<int64_t> max_row,
                                                     std::optional<int64_t> min_row, int limit);
std::vector<std::pair<int64_t, int64_t>> rebloggers(Connection& c, int64_t status_id, std::optional<int64_t> max_row,
                                                    std::optional<int64_t> min_row, int limit);

// (row id, status id) pairs of the account's own favourites or bookmarks, newest first: their row ids are the cursors
// of GET /api/v1/favourites and /api/v1/bookmarks, as on Mastodon.
std::vector<std::pair<int64_t, int64_t>> favourites_of(Connection& c, int64_t account_id, const IdPage& page);
std::vector<std::pair<int64_t, int64_t>> bookmarks_of(Connection& c, int64_t account_id, const IdPage& page);

}  // namespace vmst::store
