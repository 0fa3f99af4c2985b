#include "api/account_request_support.hpp"

#include <unordered_map>

#include "api/authentication.hpp"
#include "convert/mastodon/account.hpp"

namespace vmst::api {

std::optional<int64_t> viewer_if_token(const httplib::Request& req, store::Database& db, std::string_view scope) {
  if (bearer_token(req).empty()) return std::nullopt;
  return require_scope(req, db, scope).account_id;
}

store::PageRange page_range(const PageQuery& page) {
  return store::PageRange{page.max_id, page.since_id, page.min_id, page.limit};
}

nlohmann::json accounts_json(store::Connection& c, const std::vector<int64_t>& ids, const federation::LocalUrls& urls) {
  std::unordered_map<int64_t, store::AccountRecord> found;
  for (auto& account : store::find_accounts(c, ids)) found.emplace(account.id, std::move(account));
  nlohmann::json out = nlohmann::json::array();
  for (int64_t id : ids) {
    if (auto it = found.find(id); it != found.end()) out.push_back(convert::mastodon::account_json(it->second, urls));
  }
  return out;
}

}  // namespace vmst::api
