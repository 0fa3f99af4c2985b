#pragma once
// Small pieces the account handlers share: the viewer of optional-token reads, pages as the store reads them,
// and lists of accounts rendered in the order they were paged.
#include <httplib.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/pagination.hpp"
#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/page_range.hpp"

namespace vmst::api {

// The viewer of a read that works without a token too (Mastodon's authorize_if_got_token!): nullopt without a
// token or with an app token; a token lacking `scope` is 403, a dead one 401.
std::optional<int64_t> viewer_if_token(const httplib::Request& req, store::Database& db, std::string_view scope);

store::PageRange page_range(const PageQuery& page);

// The accounts among `ids`, as Account JSON in the order of `ids` (missing ones skipped).
nlohmann::json accounts_json(store::Connection& c, const std::vector<int64_t>& ids, const federation::LocalUrls& urls);

}  // namespace vmst::api
