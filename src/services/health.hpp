#pragma once
// Whether this process can serve: used by /readyz and `vmst serve` start-up.
#include <string>

#include "store/database.hpp"

namespace vmst::services {

struct Readiness {
  bool ready;
  std::string problem;  // empty when ready
};

// Reads from the database and checks that its schema is the one this binary expects.
Readiness check_readiness(store::Database& db);

}  // namespace vmst::services
