#include "store/migrations.hpp"

#include <algorithm>
#include <charconv>

#include "store/embedded_resources.hpp"
#include "time/timestamps.hpp"

namespace vmst::store {

namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";

// "schema/0001_initial.sql" -> {1, "initial"}
std::optional<Migration> parse_migration_path(std::string_view path, std::string_view sql) {
  constexpr std::string_view prefix = "schema/";
  constexpr std::string_view suffix = ".sql";
  if (path.substr(0, prefix.size()) != prefix || path.size() < prefix.size() + suffix.size() + 6) return std::nullopt;
  if (path.substr(path.size() - suffix.size()) != suffix) return std::nullopt;
  std::string_view stem = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  if (stem.size() < 6 || stem[4] != '_') return std::nullopt;
  int version = 0;
  auto [end, ec] = std::from_chars(stem.data(), stem.data() + 4, version);
  if (ec != std::errc() || end != stem.data() + 4) return std::nullopt;
  return Migration{version, std::string(stem.substr(5)), sql};
}

std::vector<std::pair<int, std::string>> recorded_versions(Connection& c) {
  std::vector<std::pair<int, std::string>> out;
  auto& q = c.prepare("SELECT version, name FROM schema_migrations ORDER BY version");
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt(), q.getColumn(1).getString());
  return out;
}

int latest_known(const std::vector<Migration>& migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

void refuse_if_newer(const std::vector<std::pair<int, std::string>>& recorded, const std::vector<Migration>& known) {
  if (!recorded.empty() && recorded.back().first > latest_known(known)) {
    throw StoreError(StoreError::Kind::SchemaTooNew,
                     "the database is at schema version " + std::to_string(recorded.back().first) +
                         " but this vmst only knows up to " + std::to_string(latest_known(known)) +
                         "; it was used by a newer vmst: run that version, or restore a backup made for this one");
  }
}

}  // namespace

const std::vector<Migration>& embedded_migrations() {
  static const std::vector<Migration> migrations = [] {
    std::vector<Migration> out;
    for (const auto& resource : embedded::all()) {
      if (auto m = parse_migration_path(resource.path, resource.data)) out.push_back(*m);
    }
    std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
    return out;
  }();
  return migrations;
}

int apply_migrations(Database& db, const std::vector<Migration>& migrations) {
  db.with_writer([](Connection& c) { c.exec(kCreateMigrationsTable); });
  int applied = 0;
  for (const auto& migration : migrations) {
    // Each migration checks and applies under the write lock, so two processes never apply the same one.
    bool ran = db.write([&](Connection& c) {
      auto recorded = recorded_versions(c);
      refuse_if_newer(recorded, migrations);
      bool done = std::any_of(recorded.begin(), recorded.end(), [&](const auto& r) { return r.first == migration.version; });
      if (done) return false;
      c.exec(std::string(migration.sql));
      auto& insert = c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
      insert.bind(1, migration.version);
      insert.bind(2, migration.name);
      insert.bind(3, static_cast<int64_t>(now_millis()));
      insert.exec();
      return true;
    });
    if (ran) ++applied;
  }
  if (migrations.empty()) db.read([&](Connection& c) { refuse_if_newer(recorded_versions(c), migrations); });
  return applied;
}

std::vector<MigrationState> migration_status(Database& db, const std::vector<Migration>& migrations) {
  // Read-only: a status check must not create anything, and /readyz calls it.
  return db.read([&](Connection& c) {
    std::vector<MigrationState> out;
    std::vector<std::pair<int, int64_t>> applied;
    auto& exists = c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (exists.executeStep()) {
      auto& q = c.prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version");
      while (q.executeStep()) applied.emplace_back(q.getColumn(0).getInt(), q.getColumn(1).getInt64());
    }
    for (const auto& m : migrations) {
      MigrationState state{m.version, m.name, std::nullopt};
      for (const auto& [version, at] : applied) {
        if (version == m.version) state.applied_at = at;
      }
      out.push_back(state);
    }
    for (const auto& [version, at] : applied) {
      bool known = std::any_of(migrations.begin(), migrations.end(), [&](const Migration& m) { return m.version == version; });
      if (!known) out.push_back({version, "unknown (from a newer vmst)", at});
    }
    return out;
  });
}

void require_current_schema(Database& db, const std::vector<Migration>& migrations) {
  auto status = migration_status(db, migrations);
  for (const auto& s : status) {
    if (s.version > latest_known(migrations)) {
      throw StoreError(StoreError::Kind::SchemaTooNew,
                       "the database is at schema version " + std::to_string(s.version) +
                           " but this vmst only knows up to " + std::to_string(latest_known(migrations)));
    }
    if (!s.applied_at) {
      throw StoreError(StoreError::Kind::Internal,
                       "the database schema is not up to date (migration " + std::to_string(s.version) +
                           " is pending): run `vmst migrate`");
    }
  }
}

}  // namespace vmst::store
