#include "http/json_text_response.hpp"

#include "http/error_responses.hpp"

namespace vmst::http {

void send_json_text(httplib::Response& res, int status, std::string body) {
  res.status = status;
  // What Response::set_content does, but this httplib (0.11) only copies the body in.
  res.body = std::move(body);
  res.headers.erase("Content-Type");
  res.set_header("Content-Type", kJsonContentType);
}

}  // namespace vmst::http
