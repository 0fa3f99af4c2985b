#include "services/endorsements.hpp"

#include "services/service_error.hpp"
#include "text/status_length.hpp"
#include "store/account_note_store.hpp"
#include "store/follow_store.hpp"

namespace vmst::services {

void set_note(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
              const std::string& comment) {
  if (text::count_plain_characters(comment) > static_cast<int>(kAccountNoteLimit)) {
    throw ServiceError(ServiceError::Kind::Invalid, "Validation failed: Comment is too long (maximum is 2000 characters)");
  }
  store::set_account_note(c, account.id, target.id, comment);
}

void endorse(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target,
             int64_t now) {
  if (account.id == target.id || !store::is_following(c, account.id, target.id)) {
    throw ServiceError(ServiceError::Kind::Invalid,
                       "Validation failed: You must be already following the person you want to endorse");
  }
  store::insert_endorsement(c, account.id, target.id, now);
}

void unendorse(store::Connection& c, const store::AccountRecord& account, const store::AccountRecord& target) {
  store::delete_endorsement(c, account.id, target.id);
}

}  // namespace vmst::services
