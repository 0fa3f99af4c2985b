#pragma once
// The streaming listener's checks, answered from the store. They run on the listener's lookup thread.
#include "store/database.hpp"
#include "streaming/streaming_options.hpp"

namespace vmst::app {

// check_token: a live user token's account and scopes (app-only tokens have no account to stream for, and
// Mastodon >= 4.2 refuses them too); owns_list: whether the list is the viewer's.
streaming::StreamingCallbacks streaming_callbacks(store::Database& db);

}  // namespace vmst::app
