#pragma once
// SQL for instance_settings: settings the admin changes at run time (key -> JSON value). The server reads them per
// request, so a change made by the CLI shows at once.
#include <optional>
#include <string>

#include "store/database.hpp"

namespace vmst::store {

// The stored JSON text, or nullopt when the key was never set.
std::optional<std::string> instance_setting_json(Connection& c, const std::string& key);

void put_instance_setting_json(Connection& c, const std::string& key, const std::string& value_json, int64_t now);

void remove_instance_setting(Connection& c, const std::string& key);

}  // namespace vmst::store
