#pragma once
// SQL that edits the instance's rules (instance_store reads them for the API).
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

// Rule ids are small numbers the admin types (`vmst rules remove 3`), not time-sortable ids: the next after the
// highest ever given out.
int64_t next_instance_rule_id(Connection& c);

// Appends the rule after the last one.
void insert_instance_rule(Connection& c, int64_t id, const std::string& text, const std::string& hint, int64_t now);

// False when there is no such rule.
bool delete_instance_rule(Connection& c, int64_t id);

// Gives the rules positions 1..n in the order of `ordered_ids`.
void renumber_instance_rules(Connection& c, const std::vector<int64_t>& ordered_ids, int64_t now);

}  // namespace vmst::store
