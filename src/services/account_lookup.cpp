#include "services/account_lookup.hpp"

#include <algorithm>
#include <cctype>

#include "services/service_error.hpp"

namespace vmst::services {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return text;
}

bool username_char(unsigned char ch) { return std::isalnum(ch) || ch == '_' || ch == '.' || ch == '-'; }

bool domain_char(unsigned char ch) { return std::isalnum(ch) || ch == '.' || ch == '-' || ch == ':' || ch >= 0x80; }

[[noreturn]] void not_found() { throw ServiceError(ServiceError::Kind::NotFound, "Record not found"); }

}  // namespace

bool is_hidden_account(const store::AccountRecord& account) {
  return account.local() && account.actor_type == "Application";
}

store::AccountRecord require_account(store::Connection& c, int64_t id) {
  auto account = store::find_account(c, id);
  if (!account || is_hidden_account(*account)) not_found();
  return *account;
}

store::AccountRecord require_local_account(store::Connection& c, int64_t id) {
  auto account = store::find_account(c, id);
  if (!account || !account->local()) not_found();
  return *account;
}

std::optional<Handle> parse_handle(const std::string& text) {
  std::string handle = text;
  if (lower(handle.substr(0, 5)) == "acct:") handle = handle.substr(5);
  if (!handle.empty() && handle.front() == '@') handle = handle.substr(1);
  Handle out;
  auto at = handle.find('@');
  out.username = handle.substr(0, at);
  if (at != std::string::npos) out.domain = lower(handle.substr(at + 1));
  if (out.username.empty() || (at != std::string::npos && out.domain.empty())) return std::nullopt;
  if (!std::all_of(out.username.begin(), out.username.end(), username_char)) return std::nullopt;
  if (!std::all_of(out.domain.begin(), out.domain.end(), domain_char)) return std::nullopt;
  return out;
}

std::optional<store::AccountRecord> find_by_handle(store::Connection& c, const Handle& handle,
                                                   const std::string& local_domain) {
  std::optional<store::AccountRecord> found;
  if (handle.domain.empty() || handle.domain == lower(local_domain)) {
    found = store::find_local_account_by_username(c, handle.username);
  } else {
    found = store::find_remote_account_by_handle(c, handle.username, handle.domain);
  }
  if (found && is_hidden_account(*found)) return std::nullopt;
  return found;
}

}  // namespace vmst::services
