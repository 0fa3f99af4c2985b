#pragma once
// SQL for the status timelines: which status ids make up one page, newest first. Rendering is the caller's
// (services/status_views loads a page's statuses in a few batched queries).
//
// Home and list timelines read home_feed, filled on write by posting; each page is one walk down the
// (account_id, status_id) primary key, so SQLite never sorts. Public and tag timelines walk statuses (or the tag's
// rows of status_tags) by id, also without a sort.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/id_page.hpp"

namespace vmst::store {

// The viewer's home_feed without statuses (or reblogs of statuses) by accounts they block or mute, on domains they
// block, or by members of their exclusive lists.
std::vector<int64_t> home_timeline_ids(Connection& c, int64_t viewer, const IdPage& page, int64_t now);

// The SQL of home_timeline_ids for a page of that shape, for EXPLAIN QUERY PLAN in tests; without exclusions it is
// the shape for readers who block, mute, domain-block and exclude no one.
std::string home_timeline_sql(const IdPage& page, bool with_exclusions);

struct PublicScope {
  bool local_only = false;
  bool remote_only = false;
  bool only_media = false;
  std::optional<int64_t> viewer;  // hides what the viewer blocks or mutes, and authors who block the viewer
};

// Public statuses (no reblogs) of accounts that are not suspended.
std::vector<int64_t> public_timeline_ids(Connection& c, const PublicScope& scope, const IdPage& page, int64_t now);

struct TagScope {
  std::vector<int64_t> any_tag_ids;   // at least one of them (the path's tag and any[])
  std::vector<int64_t> all_tag_ids;   // every one of them
  std::vector<int64_t> none_tag_ids;  // none of them
  PublicScope where;
};

std::vector<int64_t> tag_timeline_ids(Connection& c, const TagScope& scope, const IdPage& page, int64_t now);

// Tag ids by stored (normalised) name; unknown names are left out.
std::vector<int64_t> find_tag_ids(Connection& c, const std::vector<std::string>& names);

struct ListScope {
  int64_t owner = 0;
  int64_t list_id = 0;
  std::string replies_policy = "list";  // followed | list | none
};

// The owner's home_feed rows whose author is a member of the list, with replies limited by the list's policy.
std::vector<int64_t> list_timeline_ids(Connection& c, const ListScope& scope, const IdPage& page, int64_t now);

}  // namespace vmst::store
