#include "services/discovery.hpp"

#include <algorithm>
#include <cctype>

#include "net/url.hpp"
#include "services/service_error.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

[[noreturn]] void not_found() { throw ServiceError(ServiceError::Kind::NotFound, "Record not found"); }

store::AccountRecord usable(std::optional<store::AccountRecord> account) {
  if (!account) not_found();
  return *account;
}
}  // namespace

store::AccountRecord resolve_local_resource(store::Database& db, const federation::LocalUrls& urls,
                                            const std::string& domain, const std::string& resource) {
  if (resource.empty()) throw ServiceError(ServiceError::Kind::Invalid, "resource parameter missing");

  if (resource.rfind("http://", 0) == 0 || resource.rfind("https://", 0) == 0) {
    auto url = net::parse_url(resource);
    auto base = net::parse_url(urls.base());
    if (!url || !base || url->authority() != base->authority()) not_found();
    const std::string& path = url->path_and_query;
    if (path == "/actor") return usable(db.read([](store::Connection& c) { return store::find_instance_actor(c); }));
    std::string username;
    if (path.rfind("/users/", 0) == 0) username = path.substr(7);
    else if (path.rfind("/@", 0) == 0) username = path.substr(2);
    if (username.empty() || username.find('/') != std::string::npos) not_found();
    auto account = db.read([&](store::Connection& c) { return store::find_local_account_by_username(c, username); });
    if (!account || account->actor_type == "Application") not_found();
    return *account;
  }

  std::string handle = resource;
  if (lower(handle.substr(0, 5)) == "acct:") handle = handle.substr(5);
  if (!handle.empty() && handle.front() == '@') handle = handle.substr(1);
  auto at = handle.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == handle.size()) {
    throw ServiceError(ServiceError::Kind::Invalid, "resource must be acct:user@domain or an actor URL");
  }
  std::string username = handle.substr(0, at);
  if (lower(handle.substr(at + 1)) != lower(domain)) not_found();
  if (lower(username) == lower(domain)) {
    return usable(db.read([](store::Connection& c) { return store::find_instance_actor(c); }));
  }
  auto account = db.read([&](store::Connection& c) { return store::find_local_account_by_username(c, username); });
  if (!account || account->actor_type == "Application") not_found();
  return *account;
}

store::UsageCounts usage_counts(store::Database& db) {
  constexpr int64_t kDay = 24LL * 60 * 60 * 1000;
  const int64_t now = now_millis();
  return db.read([&](store::Connection& c) { return store::usage_counts(c, now - 30 * kDay, now - 180 * kDay); });
}

}  // namespace vmst::services
