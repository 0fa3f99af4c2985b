#include "web/page_accounts.hpp"

#include <algorithm>
#include <cctype>

#include "http/error_responses.hpp"
#include "services/account_lookup.hpp"
#include "store/account_moderation_store.hpp"

namespace vmst::web {

namespace {

bool same_domain(std::string a, std::string b) {
  auto lower = [](std::string& s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  };
  lower(a);
  lower(b);
  return a == b;
}

}  // namespace

store::AccountRecord find_page_account(store::Connection& c, const std::string& handle,
                                       const std::string& local_domain) {
  auto parsed = services::parse_handle(handle);
  if (!parsed) throw http::HttpError(404, "Record not found");
  if (!parsed->domain.empty() && !same_domain(parsed->domain, local_domain)) {
    auto remote = services::find_by_handle(c, *parsed, local_domain);
    if (!remote || remote->local() || remote->gone_at) throw http::HttpError(404, "Record not found");
    return *remote;
  }
  auto account = store::find_local_account_by_username(c, parsed->username);
  if (!account || account->actor_type == "Application") throw http::HttpError(404, "Record not found");
  auto availability = store::local_account_availability(c, account->id);
  if (!availability.approved) throw http::HttpError(404, "Record not found");
  if (availability.deleted) throw http::HttpError(410, "This account has been deleted.");
  return *account;
}

}  // namespace vmst::web
