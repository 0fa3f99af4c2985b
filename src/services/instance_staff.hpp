#pragma once
// Who runs the instance, for the About page: the local admins and moderators whose accounts are in good standing.
#include <vector>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Admins first, then moderators, each by sign-up time. Suspended, disabled and unapproved accounts left out.
std::vector<store::AccountRecord> instance_staff(store::Connection& c);

}  // namespace vmst::services
