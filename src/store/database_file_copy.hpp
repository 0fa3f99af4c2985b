#pragma once
// Whole-database operations for backups: a consistent copy taken while other connections (the running server) read
// and write, and the checks a copy must pass before it replaces a live database.
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// Copies the database behind `source` into a new file at `target` with SQLite's online backup API, in one step:
// the copy is the snapshot of the moment the step began (every transaction committed by then, none after), and in
// WAL mode writers go on meanwhile. Throws StoreError.
void copy_database_online(Connection& source, const std::filesystem::path& target);

// PRAGMA integrity_check of a database file opened read-only: empty when it answers "ok", else the problems it
// lists (at most `limit`). Throws StoreError when the file cannot be opened as a database.
std::vector<std::string> integrity_problems(const std::filesystem::path& file, int limit = 10);

// The highest migration recorded (0 for none).
int recorded_schema_version(Connection& c);
int recorded_schema_version(const std::filesystem::path& file);

}  // namespace vmst::store
