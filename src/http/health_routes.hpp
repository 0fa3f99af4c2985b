#pragma once
// GET /livez (the process answers) and GET /readyz (it can serve: database readable, schema current).
#include "http/router.hpp"
#include "store/database.hpp"

namespace vmst::http {

void add_health_routes(Router& router, store::Database& db);

}  // namespace vmst::http
