#pragma once
// SQL for admin domain blocks (the moderation issue adds the rest of their management).
#include <string>

#include "store/database.hpp"

namespace vmst::store {

// True when `domain` or a parent domain of it is suspended (a block on example.com covers a.example.com).
// A port in `domain` is ignored: blocks name hosts.
bool is_domain_suspended(Connection& c, const std::string& domain);

}  // namespace vmst::store
