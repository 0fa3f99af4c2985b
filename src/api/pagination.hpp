#pragma once
// Mastodon's list paging: max_id / since_id / min_id cursors, a clamped limit, and the `Link` header with
// rel="next" first (toot anchors its regex at the start), every other query parameter carried over (GoToSocial
// once dropped `local=true` and turned Phanpy's local timeline federated), and no `next` on a short page (a `next`
// on the last page makes clients loop).
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>

#include "http/request_params.hpp"
#include "store/id_page.hpp"

namespace vmst::api {

struct PageQuery {
  std::optional<int64_t> max_id;    // exclusive upper bound
  std::optional<int64_t> since_id;  // exclusive lower bound, newest page
  std::optional<int64_t> min_id;    // exclusive lower bound, the page right after it (oldest first, returned newest first)
  int limit = 20;
};

// Unparseable cursors are ignored as Mastodon ignores them; limit is clamped into [1, max_limit].
PageQuery parse_page(const http::RequestParams& params, int default_limit, int max_limit);

// Sets `Link` for a page whose items' cursors run from newest_cursor to oldest_cursor. Nothing is set for an empty
// page; `next` is left out when the page came back shorter than the limit.
void set_link_header(httplib::Response& res, const httplib::Request& req, const std::string& base_url,
                     const PageQuery& page, size_t returned, std::optional<int64_t> newest_cursor,
                     std::optional<int64_t> oldest_cursor);

// The same cursors for the store's paged queries.
store::IdPage to_id_page(const PageQuery& page);

// "a=1&b[]=2" with the cursor parameters removed; the query of the original request, for the Link URLs.
std::string query_without_cursors(const httplib::Request& req);

}  // namespace vmst::api
