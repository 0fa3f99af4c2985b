#pragma once
// The admin's edits of the instance rules (`vmst rules`). Reading them for the API is services/instance_info.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/instance_store.hpp"

namespace vmst::services {

// Mastodon's Rule::TEXT_SIZE_LIMIT; the hint gets more room since it explains the rule.
inline constexpr size_t kRuleTextLimit = 300;
inline constexpr size_t kRuleHintLimit = 1000;

// Appends a rule; the text is trimmed. Invalid when the text is blank or a part is over its limit.
store::InstanceRule add_instance_rule(store::Database& db, const std::string& text, const std::string& hint);

// NotFound when no rule has this id.
void remove_instance_rule(store::Database& db, int64_t id);

// Moves the rule to `position` (1 = first); the others keep their order. NotFound for an unknown id, Invalid for a
// position outside 1..number of rules.
std::vector<store::InstanceRule> move_instance_rule(store::Database& db, int64_t id, int position);

}  // namespace vmst::services
