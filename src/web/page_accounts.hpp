#pragma once
// The account a public page is about: /@alice (local) or /@bob@remote.example (a remote account already known).
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::web {

// `handle` without the leading '@'. HttpError 404 for an unknown account, the instance actor or a sign-up awaiting
// approval; 410 for a deleted local account. Suspended accounts are returned: the page shows a notice.
store::AccountRecord find_page_account(store::Connection& c, const std::string& handle,
                                       const std::string& local_domain);

}  // namespace vmst::web
