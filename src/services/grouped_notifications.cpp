#include "services/grouped_notifications.hpp"

#include <algorithm>
#include <limits>
#include <unordered_set>

#include "services/notification_grouping.hpp"
#include "services/service_error.hpp"
#include "services/status_filters.hpp"
#include "store/marker_store.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

// The groupable types the client asked to see grouped (all of them when it named none).
std::vector<std::string> grouped_types_of(const GroupedNotificationQuery& query) {
  const auto& groupable = groupable_notification_types();
  if (query.grouped_types.empty()) return groupable;
  std::vector<std::string> out;
  for (const auto& type : groupable) {
    if (std::find(query.grouped_types.begin(), query.grouped_types.end(), type) != query.grouped_types.end()) {
      out.push_back(type);
    }
  }
  return out;
}

bool grouped(const store::NotificationRow& n, const std::vector<std::string>& grouped_types) {
  return n.group_key && std::find(grouped_types.begin(), grouped_types.end(), n.type) != grouped_types.end();
}

NotificationGroup single(const store::NotificationRow& n, bool paged) {
  NotificationGroup g;
  g.group_key = "ungrouped-" + std::to_string(n.id);
  g.head = n;
  g.notifications_count = 1;
  g.most_recent_notification_id = n.id;
  g.sample_account_ids = {n.from_account_id};
  if (paged) g.page = NotificationGroupPageBounds{n.id, n.id, n.created_at};
  return g;
}

// Builds the groups of the rendered heads; `from`..`up_to` is the page's span of notification ids.
void build_groups(store::Connection& c, GroupedNotificationPage& out, const std::vector<std::string>& grouped_types,
                  int64_t from, int64_t up_to, bool paged) {
  std::vector<int64_t> missing_accounts;
  for (const auto& head : out.details.rows) {
    if (!grouped(head, grouped_types)) {
      out.groups.push_back(single(head, paged));
      continue;
    }
    auto data = store::notification_group_data(c, head.account_id, *head.group_key, from, up_to, kSampleAccounts);
    if (!data) continue;
    NotificationGroup g;
    g.group_key = *head.group_key;
    g.head = head;
    g.notifications_count = data->count;
    g.most_recent_notification_id = data->most_recent_id;
    g.sample_account_ids = data->sample_account_ids;
    if (paged) g.page = NotificationGroupPageBounds{data->oldest_id_from, data->most_recent_id, data->latest_created_at};
    for (int64_t id : g.sample_account_ids) {
      if (!out.details.accounts.contains(id)) missing_accounts.push_back(id);
    }
    out.groups.push_back(std::move(g));
  }
  std::sort(missing_accounts.begin(), missing_accounts.end());
  missing_accounts.erase(std::unique(missing_accounts.begin(), missing_accounts.end()), missing_accounts.end());
  for (auto& a : store::find_accounts(c, missing_accounts)) out.details.accounts.emplace(a.id, std::move(a));
  // A sample account that is gone is left out of the sample.
  for (auto& g : out.groups) {
    std::erase_if(g.sample_account_ids, [&](int64_t id) { return !out.details.accounts.contains(id); });
  }
}

// Walking notifications into groups, as Mastodon pages them: from the cursor, the first notification met of each
// group is the group's head; heads that are not shown (a `hide` filter, an account or status that is gone) are
// skipped and the walk reads on, so that a page holds `limit` groups whenever there are that many. The walk reads
// in batches and stops once the page is full, so its cost follows the page, not the whole history; a history
// where nearly everything is hidden stops it after kMaxExamined notifications, with a `next` page past them.
constexpr int kWalkBatch = 200;
constexpr size_t kMaxExamined = 20'000;
constexpr size_t kMinCheck = 16;

struct GroupWalk {
  std::vector<store::NotificationRow> heads;        // the shown heads, in walk order
  std::optional<NotificationPage> loaded;           // their details, when one load held them all
  std::optional<int64_t> first_examined, last_examined;
  bool more = false;                                // stopped before the notifications ran out
};

std::string group_of(const store::NotificationRow& n, const std::vector<std::string>& grouped_types) {
  return grouped(n, grouped_types) ? *n.group_key : "ungrouped-" + std::to_string(n.id);
}

// The candidates that would be shown, with their details.
NotificationPage shown_heads(store::Connection& c, int64_t viewer, std::vector<store::NotificationRow> candidates,
                             const std::vector<store::FilterRecord>& filters,
                             const std::vector<store::FilterRecord>& hiding) {
  if (!hiding.empty()) {
    std::vector<int64_t> status_ids;
    for (const auto& n : candidates)
      if (n.status_id) status_ids.push_back(*n.status_id);
    auto hidden = matched_by_filters(c, status_ids, hiding);
    std::erase_if(candidates, [&](const auto& n) { return n.status_id && hidden.contains(*n.status_id); });
  }
  return load_notification_page(c, viewer, std::move(candidates), filters);
}

GroupWalk walk_groups(store::Connection& c, int64_t viewer, const store::NotificationScope& scope,
                      const std::vector<std::string>& grouped_types, const std::vector<store::FilterRecord>& filters,
                      const store::IdPage& page) {
  const auto hiding = hiding_filters(filters, FilterContext::Notifications);
  const auto limit = static_cast<size_t>(page.limit);
  GroupWalk walk;
  std::unordered_set<std::string> seen;
  store::IdPage cursor = page;
  cursor.limit = kWalkBatch;
  size_t examined = 0;
  int loads_with_heads = 0;
  while (walk.heads.size() < limit) {
    auto batch = store::notification_page(c, scope, cursor);  // newest first
    if (batch.empty()) break;
    if (page.oldest_first()) std::reverse(batch.begin(), batch.end());
    std::vector<store::NotificationRow> candidates;
    std::vector<size_t> position;  // of each candidate in the batch
    for (size_t i = 0; i < batch.size(); ++i) {
      if (seen.insert(group_of(batch[i], grouped_types)).second) {
        candidates.push_back(batch[i]);
        position.push_back(i);
      }
    }
    size_t stop = batch.size();  // the batch's notifications this page examined
    // Candidates are checked about as many at a time as the page still needs, so a page whose first heads are all
    // shown loads those only.
    for (size_t next = 0; next < candidates.size() && walk.heads.size() < limit;) {
      const size_t end = std::min(candidates.size(), next + std::max(limit - walk.heads.size(), kMinCheck));
      std::vector<store::NotificationRow> slice(candidates.begin() + static_cast<std::ptrdiff_t>(next),
                                                candidates.begin() + static_cast<std::ptrdiff_t>(end));
      auto shown = shown_heads(c, viewer, std::move(slice), filters, hiding);
      std::unordered_set<int64_t> kept;
      for (const auto& n : shown.rows) kept.insert(n.id);
      for (size_t j = next; j < end && walk.heads.size() < limit; ++j) {
        if (!kept.contains(candidates[j].id)) continue;
        walk.heads.push_back(candidates[j]);
        if (walk.heads.size() == limit) stop = position[j] + 1;
      }
      if (!kept.empty() && ++loads_with_heads == 1) walk.loaded = std::move(shown);
      next = end;
    }
    if (!walk.first_examined) walk.first_examined = batch.front().id;
    walk.last_examined = batch[stop - 1].id;
    examined += stop;
    if (walk.heads.size() == limit) {
      walk.more = true;
      break;
    }
    if (batch.size() < static_cast<size_t>(kWalkBatch)) break;
    if (examined >= kMaxExamined) {
      walk.more = true;
      break;
    }
    if (page.oldest_first()) {
      cursor.min_id = batch.back().id;
    } else {
      cursor.max_id = batch.back().id;
    }
  }
  // Details loaded in several goes are not merged: heads from several goes are loaded again, together.
  if (loads_with_heads > 1) walk.loaded.reset();
  return walk;
}

// Only the notifications a listing would show.
std::vector<store::NotificationRow> shown_in_group(store::Connection& c, int64_t viewer, const std::string& key) {
  auto rows = store::notifications_in_group(c, viewer, key);
  const auto& known = shown_notification_types();
  std::erase_if(rows, [&](const store::NotificationRow& n) {
    return std::find(known.begin(), known.end(), n.type) == known.end();
  });
  return rows;
}

}  // namespace

GroupedNotificationPage list_notification_groups(store::Database& db, int64_t viewer,
                                                 const GroupedNotificationQuery& query, const store::IdPage& page) {
  return db.read([&](store::Connection& c) {
    const auto scope = notification_scope(viewer, query.filter);
    const auto types = grouped_types_of(query);
    const auto filters = active_filters(c, viewer, scope.now);
    auto walk = walk_groups(c, viewer, scope, types, filters, page);
    GroupedNotificationPage out;
    out.more = walk.more;
    if (!walk.first_examined) return out;
    // The cursors lie past every notification examined, hidden ones included, so the next page does not read
    // them again; a min_id page walked upwards.
    out.newest_cursor = page.oldest_first() ? walk.last_examined : walk.first_examined;
    out.oldest_cursor = page.oldest_first() ? walk.first_examined : walk.last_examined;
    if (walk.heads.empty()) return out;
    std::sort(walk.heads.begin(), walk.heads.end(),
              [](const store::NotificationRow& a, const store::NotificationRow& b) { return a.id > b.id; });
    const int64_t from = walk.heads.back().id, up_to = walk.heads.front().id;
    if (walk.loaded) {
      out.details = std::move(*walk.loaded);
      out.details.rows = std::move(walk.heads);
    } else {
      out.details = load_notification_page(c, viewer, std::move(walk.heads), filters);
    }
    build_groups(c, out, types, from, up_to, true);
    return out;
  });
}

GroupedNotificationPage get_notification_group(store::Database& db, int64_t viewer, const std::string& group_key) {
  return db.read([&](store::Connection& c) {
    auto rows = shown_in_group(c, viewer, group_key);
    if (rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    GroupedNotificationPage out;
    out.details = load_notification_page(c, viewer, {rows.front()}, active_filters(c, viewer, now_millis()));
    if (out.details.rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    build_groups(c, out, groupable_notification_types(), std::numeric_limits<int64_t>::min(),
                 std::numeric_limits<int64_t>::max(), false);
    if (out.groups.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    return out;
  });
}

std::vector<store::AccountRecord> notification_group_accounts(store::Database& db, int64_t viewer,
                                                              const std::string& group_key) {
  return db.read([&](store::Connection& c) {
    auto rows = shown_in_group(c, viewer, group_key);
    if (rows.empty()) throw ServiceError(ServiceError::Kind::NotFound, "Record not found");
    std::vector<int64_t> ids;
    for (const auto& n : rows) {
      if (std::find(ids.begin(), ids.end(), n.from_account_id) == ids.end()) ids.push_back(n.from_account_id);
    }
    auto found = store::find_accounts(c, ids);
    std::vector<store::AccountRecord> out;
    for (int64_t id : ids) {
      for (auto& a : found) {
        if (a.id == id) out.push_back(a);
      }
    }
    return out;
  });
}

void dismiss_notification_group(store::Database& db, int64_t viewer, const std::string& group_key) {
  db.write([&](store::Connection& c) { store::delete_notification_group(c, viewer, group_key); });
}

int64_t unread_notification_group_count(store::Database& db, int64_t viewer, const GroupedNotificationQuery& query,
                                        int limit) {
  return db.read([&](store::Connection& c) {
    auto marker = store::find_marker(c, viewer, "notifications");
    return store::count_notification_groups_after(c, notification_scope(viewer, query.filter),
                                                  grouped_types_of(query), marker ? marker->last_read_id : 0, limit);
  });
}

}  // namespace vmst::services
