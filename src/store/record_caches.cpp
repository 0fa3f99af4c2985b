#include "store/record_caches.hpp"

#include <cstring>

namespace vmst::store {

std::optional<RowChange::Table> cached_table(const char* name) {
  using Table = RowChange::Table;
  if (std::strcmp(name, "statuses") == 0) return Table::Statuses;
  if (std::strcmp(name, "status_stats") == 0) return Table::StatusStats;
  if (std::strcmp(name, "accounts") == 0) return Table::Accounts;
  if (std::strcmp(name, "account_stats") == 0) return Table::AccountStats;
  if (std::strcmp(name, "media_attachments") == 0) return Table::MediaAttachments;
  return std::nullopt;
}

void RecordCaches::invalidate(const std::vector<RowChange>& changes) {
  if (changes.empty()) return;
  generation_.fetch_add(1);
  bool media_changed = false;
  for (const auto& change : changes) {
    switch (change.table) {
      case RowChange::Table::Statuses:
      case RowChange::Table::StatusStats:  // keyed by status_id, its rowid
        statuses.erase(change.rowid);
        break;
      case RowChange::Table::Accounts:
      case RowChange::Table::AccountStats:  // keyed by account_id, its rowid
        accounts.erase(change.rowid);
        break;
      case RowChange::Table::MediaAttachments:
        media_changed = true;
        break;
    }
  }
  // An account carries its avatar's and header's file paths, and a media row does not say whose avatar it is.
  // Media rows change on uploads and remote media fetches, rarely enough to empty the accounts for.
  if (media_changed) accounts.clear();
}

void RecordCaches::drop_all() {
  generation_.fetch_add(1);
  statuses.clear();
  accounts.clear();
}

}  // namespace vmst::store
