#pragma once
// Inboxes: POST /inbox (shared), /users/:username/inbox, /actor/inbox. A verified activity is stored and answered
// 202; a missing or bad signature gets 401 with the reason, a malformed activity 400.
#include "federation/inbox_intake.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace vmst::activitypub {

void add_inbox_routes(http::Router& router, store::Database& db, const federation::InboxIntake& intake);

}  // namespace vmst::activitypub
