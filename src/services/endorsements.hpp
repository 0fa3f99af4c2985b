#pragma once
// What a user records about other accounts for themselves: a private note, and endorsements (featuring an
// account they follow on their profile).
#include <cstdint>
#include <cstddef>
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

inline constexpr size_t kAccountNoteLimit = 2000;  // characters, as Mastodon's AccountNote

// An empty comment removes the note; a longer one than the limit is ServiceError Invalid.
void set_note(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
              const std::string& comment);

// Only accounts one follows can be endorsed (ServiceError Invalid otherwise), as in Mastodon.
void endorse(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
             int64_t now);
void unendorse(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target);

}  // namespace vmst::services
