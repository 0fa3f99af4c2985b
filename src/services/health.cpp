#include "services/health.hpp"

#include "store/migrations.hpp"

namespace vmst::services {

Readiness check_readiness(store::Database& db) {
  try {
    store::require_current_schema(db);
    return {true, ""};
  } catch (const store::StoreError& e) {
    return {false, e.what()};
  }
}

}  // namespace vmst::services
