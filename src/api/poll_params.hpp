#pragma once
// The `poll[...]` parameters of POST and PUT /api/v1/statuses, from a form (`poll[options][]=a`) or a JSON body
// (`{"poll":{"options":["a"],"expires_in":300}}`); services/polls checks what they say.
#include <optional>

#include "http/request_params.hpp"
#include "services/poll_input.hpp"

namespace vmst::api {

// nullopt when the request carries no poll (absent, null, or without options).
std::optional<services::PollInput> poll_params(const http::RequestParams& params);

}  // namespace vmst::api
