#pragma once
// Ids in request paths and parameters. Mastodon answers 404 for an id that is not a number, as for one that does
// not exist, so that is what these throw.
#include <cstdint>
#include <string>
#include <vector>

#include "http/router.hpp"

namespace vmst::api {

// The decimal id in `text`; throws HttpError(404, "Record not found") otherwise.
int64_t record_id(const std::string& text);

// :name of the route as an id.
int64_t path_id(const http::PathParams& params, std::string_view name);

// Every text as an id (404 for any that is not one).
std::vector<int64_t> record_ids(const std::vector<std::string>& texts);

}  // namespace vmst::api
