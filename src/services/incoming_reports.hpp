#pragma once
// A Flag from another server (a report its moderators forwarded about our accounts) becomes a report here, as
// Mastodon's ActivityPub::Activity::Flag does: the object names our accounts and statuses by their ids; the
// reporter is the remote actor that sent it (usually its instance actor).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

// Returns the new report's id, or unset when the Flag is ignored: it names no local account or status, its id was
// already recorded, or the sender's domain is blocked with reject_reports.
std::optional<int64_t> record_incoming_flag(store::Connection& c, const store::AccountRecord& reporter,
                                            const nlohmann::json& flag, int64_t now);

}  // namespace vmst::services
