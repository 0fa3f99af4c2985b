#include "services/registration.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "services/accounts.hpp"
#include "services/invites.hpp"
#include "services/oauth_apps.hpp"
#include "services/validation_error.hpp"
#include "store/account_store.hpp"

namespace vmst::services {

namespace {

// Names people would take for the instance's staff.
const std::vector<std::string> kReservedUsernames = {
    "admin", "administrator", "root", "support", "help", "webmaster", "hostmaster", "postmaster",
    "abuse", "security", "mod", "moderator", "moderators", "staff", "owner", "instance", "actor",
};

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

bool plausible_email(const std::string& email) {
  static const std::regex pattern(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)");
  return email.size() <= 320 && std::regex_match(email, pattern);
}

// ISO 639 codes with an optional region or script ("en", "pt-BR", "zh-Hant", "kab").
bool plausible_locale(const std::string& locale) {
  static const std::regex pattern(R"(^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})?$)");
  return std::regex_match(locale, pattern);
}

bool invite_given(const RegistrationRequest& r) { return r.invite_code && !blank(*r.invite_code); }

std::vector<FieldError> validate(store::Database& db, const std::string& mode, bool invited,
                                 const RegistrationRequest& r) {
  std::vector<FieldError> errors;
  auto add = [&](const char* field, const char* code, std::string description) {
    errors.push_back({field, code, std::move(description)});
  };

  if (blank(r.username)) {
    add("username", "ERR_BLANK", "can't be blank");
  } else if (r.username.size() > 30) {
    add("username", "ERR_TOO_LONG", "is too long (maximum is 30 characters)");
  } else if (!valid_username(r.username)) {
    add("username", "ERR_INVALID", "must contain only letters, numbers and underscores");
  } else if (std::find(kReservedUsernames.begin(), kReservedUsernames.end(), lowercase(r.username)) !=
             kReservedUsernames.end()) {
    add("username", "ERR_RESERVED", "is reserved");
  }

  if (blank(r.email)) {
    add("email", "ERR_BLANK", "can't be blank");
  } else if (!plausible_email(r.email)) {
    add("email", "ERR_INVALID", "is invalid");
  }

  if (r.password.empty()) {
    add("password", "ERR_BLANK", "can't be blank");
  } else if (r.password.size() < 8) {
    add("password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  } else if (r.password.size() > 72) {
    add("password", "ERR_TOO_LONG", "is too long (maximum is 72 characters)");
  }

  if (!r.agreement) add("agreement", "ERR_ACCEPTED", "must be accepted");
  if (r.locale && !r.locale->empty() && !plausible_locale(*r.locale)) {
    add("locale", "ERR_INCLUSION", "is not included in the list");
  }
  if (mode == "approval" && !invited && (!r.reason || blank(*r.reason))) add("reason", "ERR_BLANK", "can't be blank");
  if (invite_given(r) && !invited) add("invite_code", "ERR_INVALID", "is invalid or has expired");
  if (r.reason && r.reason->size() > 1000) add("reason", "ERR_TOO_LONG", "is too long (maximum is 1000 characters)");

  // Taken names are reported together with the other problems, so a form can show them all at once.
  const bool check_username = std::none_of(errors.begin(), errors.end(), [](auto& e) { return e.field == "username"; });
  const bool check_email = std::none_of(errors.begin(), errors.end(), [](auto& e) { return e.field == "email"; });
  if (check_username || check_email) {
    db.read([&](store::Connection& c) {
      if (check_username && store::local_username_taken(c, r.username)) {
        add("username", "ERR_TAKEN", "has already been taken");
      }
      if (check_email && store::email_taken(c, r.email)) add("email", "ERR_TAKEN", "has already been taken");
    });
  }
  return errors;
}

}  // namespace

Registration register_account(store::Database& db, const federation::LocalUrls& urls, const std::string& mode,
                              const store::ApplicationRecord& app, const RegistrationRequest& request) {
  const bool invited = invite_given(request) && invite_code_usable(db, *request.invite_code);
  if (mode != "open" && mode != "approval" && !invited) {
    throw ServiceError(ServiceError::Kind::Forbidden, "This action is not allowed");
  }
  if (auto errors = validate(db, mode, invited, request); !errors.empty()) throw ValidationFailed(std::move(errors));

  CreateLocalAccount create;
  create.username = request.username;
  create.email = request.email;
  create.password = request.password;
  create.approved = mode == "open" || invited;
  if (invited) create.invite_code = request.invite_code;
  create.locale = request.locale && !request.locale->empty() ? *request.locale : "en";
  create.sign_up_reason = request.reason.value_or("");

  CreatedLocalAccount created;
  try {
    created = create_local_account(db, urls, create);
  } catch (const ServiceError& e) {
    if (e.kind() != ServiceError::Kind::Conflict) throw;
    // Someone took the name or address between the check and the insert: report it like the check would have.
    auto errors = validate(db, mode, invited, request);
    if (errors.empty()) throw;
    throw ValidationFailed(std::move(errors));
  }

  Registration registration;
  registration.account_id = created.account_id;
  registration.approved = create.approved;
  registration.token = issue_access_token(db, app.id, created.user_id, scopes_of(app));
  return registration;
}

}  // namespace vmst::services
