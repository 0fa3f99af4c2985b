#pragma once
// The one error type that leaves the storage layer. SQLite's exceptions are translated into it by Database, so
// layers above never see SQLite types in their error handling.
#include <stdexcept>
#include <string>

namespace vmst::store {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    Conflict,     // a UNIQUE or PRIMARY KEY constraint refused the write
    Constraint,   // another constraint (foreign key, CHECK, NOT NULL)
    Busy,         // the database stayed locked past the busy timeout
    SchemaTooNew, // the database was migrated by a newer vmst
    Internal,     // anything else: I/O, corruption, a bug in our SQL
  };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace vmst::store
