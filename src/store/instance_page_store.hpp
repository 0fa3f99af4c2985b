#pragma once
// SQL that edits the instance's Markdown pages (instance_store reads one page for the API).
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/instance_store.hpp"

namespace vmst::store {

// Creates or replaces the page with this slug.
void upsert_instance_page(Connection& c, const InstancePage& page);

// False when there is no such page.
bool delete_instance_page(Connection& c, const std::string& slug);

// Every page, by slug.
std::vector<InstancePage> all_instance_pages(Connection& c);

}  // namespace vmst::store
