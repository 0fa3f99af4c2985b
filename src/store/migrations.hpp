#pragma once
// Schema migrations: the numbered schema/NNNN_name.sql files embedded in the binary, applied in order, each in its
// own transaction, and recorded in schema_migrations.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct Migration {
  int version;
  std::string name;
  std::string_view sql;
};

struct MigrationState {
  int version;
  std::string name;
  std::optional<int64_t> applied_at;  // unset: pending
};

// The embedded migrations, sorted by version.
const std::vector<Migration>& embedded_migrations();

// Applies every pending migration and returns how many ran. Safe when another process migrates at the same time.
// Throws StoreError(SchemaTooNew) when the database holds a version this binary does not know.
int apply_migrations(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

// Every known migration with its state, plus any recorded version this binary does not know (name "unknown").
std::vector<MigrationState> migration_status(Database& db,
                                             const std::vector<Migration>& migrations = embedded_migrations());

// Throws StoreError(SchemaTooNew) if the database is newer than the binary, StoreError(Internal) if migrations
// are pending. For commands that must not change the schema.
void require_current_schema(Database& db, const std::vector<Migration>& migrations = embedded_migrations());

}  // namespace vmst::store
