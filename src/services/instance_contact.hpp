#pragma once
// Who the instance names as its contact (`vmst instance contact`): an account and an email address, kept in
// instance_settings so a change shows in /api/v2/instance at once. Without a choice the contact account is the first
// admin and the email is instance.contact_email from the config.
#include <optional>
#include <string>

#include "store/account_store.hpp"
#include "store/database.hpp"

namespace vmst::services {

struct InstanceContact {
  std::optional<store::AccountRecord> account;
  std::string email;  // "" when none
  bool account_chosen = false;  // false: the first admin stands in
  bool email_chosen = false;    // false: the config's instance.contact_email
};

// What to change; an unset field keeps its value, an empty one goes back to the default.
struct InstanceContactChange {
  std::optional<std::string> username;  // a local account, with or without a leading @
  std::optional<std::string> email;
};

// NotFound for an unknown local account; Invalid for a suspended or disabled one, a bad email address, or no change.
InstanceContact set_instance_contact(store::Database& db, const InstanceContactChange& change,
                                     const std::string& config_email);

InstanceContact instance_contact(store::Connection& c, const std::string& config_email);
InstanceContact instance_contact(store::Database& db, const std::string& config_email);

// One @, something on both sides, a dot in the domain, no spaces.
bool plausible_email_address(const std::string& email);

}  // namespace vmst::services
