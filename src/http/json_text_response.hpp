#pragma once
// A JSON body serialized already (convert/mastodon/status_page_writer), moved into the response: a timeline page is
// tens of KB that send_json would build as a tree and dump again.
#include <httplib.h>

#include <string>

namespace vmst::http {

// As send_json (error_responses.hpp): the status and the JSON content type, with `body` as it is.
void send_json_text(httplib::Response& res, int status, std::string body);

}  // namespace vmst::http
