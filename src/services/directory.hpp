#pragma once
// The profile directory and the instance's custom emoji: public lists clients browse.
#include <cstdint>
#include <optional>
#include <vector>

#include "store/account_store.hpp"
#include "store/custom_emoji_store.hpp"
#include "store/database.hpp"
#include "store/directory_store.hpp"

namespace vmst::services {

// Accounts in directory order (store::DirectoryQuery says which).
std::vector<store::AccountRecord> directory_accounts(store::Database& db, const store::DirectoryQuery& query);

std::vector<store::CustomEmojiRecord> local_custom_emojis(store::Database& db);

}  // namespace vmst::services
