#pragma once
// The public HTML page of a local account (what a browser gets at the actor's url). A plain server-rendered page
// for now; the web UI issue replaces it with the full profile.
#include <string>

#include "store/account_store.hpp"

namespace vmst::web {

std::string render_profile_page(const store::AccountRecord& account, const std::string& domain,
                                const std::string& instance_title);

}  // namespace vmst::web
