#include "services/instance_contact.hpp"

#include <nlohmann/json.hpp>
#include <regex>

#include "services/service_error.hpp"
#include "store/instance_setting_store.hpp"
#include "store/instance_store.hpp"
#include "text/utf8_validation.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

constexpr const char* kContactAccountKey = "contact_account_id";
constexpr const char* kContactEmailKey = "contact_email";

std::optional<nlohmann::json> setting(store::Connection& c, const char* key) {
  auto text = store::instance_setting_json(c, key);
  if (!text) return std::nullopt;
  auto value = nlohmann::json::parse(*text, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

// The chosen account while it can still speak for the instance; a suspended one gives way to the first admin.
std::optional<store::AccountRecord> chosen_account(store::Connection& c) {
  auto id = setting(c, kContactAccountKey);
  if (!id || !id->is_number_integer()) return std::nullopt;
  auto account = store::find_account(c, id->get<int64_t>());
  if (!account || account->domain || account->suspended_at) return std::nullopt;
  return account;
}

}  // namespace

bool plausible_email_address(const std::string& email) {
  static const std::regex pattern(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)");
  return email.size() <= 320 && text::is_valid_utf8_text(email) && std::regex_match(email, pattern);
}

InstanceContact instance_contact(store::Connection& c, const std::string& config_email) {
  InstanceContact contact;
  contact.account = chosen_account(c);
  contact.account_chosen = contact.account.has_value();
  if (!contact.account) {
    if (auto admin = store::first_admin_account_id(c)) contact.account = store::find_account(c, *admin);
  }
  auto email = setting(c, kContactEmailKey);
  contact.email_chosen = email && email->is_string();
  contact.email = contact.email_chosen ? email->get<std::string>() : config_email;
  return contact;
}

InstanceContact instance_contact(store::Database& db, const std::string& config_email) {
  return db.read([&](store::Connection& c) { return instance_contact(c, config_email); });
}

InstanceContact set_instance_contact(store::Database& db, const InstanceContactChange& change,
                                     const std::string& config_email) {
  if (!change.username && !change.email) throw ServiceError(Kind::Invalid, "nothing to change: give --account or --email");
  if (change.email && !change.email->empty() && !plausible_email_address(*change.email)) {
    throw ServiceError(Kind::Invalid, "--email: \"" + *change.email + "\" is not an email address");
  }
  return db.write([&](store::Connection& c) {
    const int64_t now = now_millis();
    if (change.username && change.username->empty()) {
      store::remove_instance_setting(c, kContactAccountKey);
    } else if (change.username) {
      std::string username = (*change.username)[0] == '@' ? change.username->substr(1) : *change.username;
      auto local = store::find_local_account(c, username);
      if (!local) throw ServiceError(Kind::NotFound, "--account: there is no local account \"" + username + "\"");
      if (local->suspended) throw ServiceError(Kind::Invalid, "--account: @" + local->username + " is suspended");
      if (local->disabled) throw ServiceError(Kind::Invalid, "--account: @" + local->username + " is disabled");
      store::put_instance_setting_json(c, kContactAccountKey, nlohmann::json(local->account_id).dump(), now);
    }
    if (change.email && change.email->empty()) {
      store::remove_instance_setting(c, kContactEmailKey);
    } else if (change.email) {
      store::put_instance_setting_json(c, kContactEmailKey, nlohmann::json(*change.email).dump(), now);
    }
    return instance_contact(c, config_email);
  });
}

}  // namespace vmst::services
