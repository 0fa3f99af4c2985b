#include "activitypub/incoming_request.hpp"

namespace vmst::activitypub {

federation::IncomingRequest incoming_request(const httplib::Request& req) {
  federation::IncomingRequest in;
  in.method = req.method;
  // The target as sent, not the decoded path: signatures cover the bytes on the request line.
  auto q = req.target.find('?');
  in.path = req.target.substr(0, q);
  in.query = q == std::string::npos ? "" : req.target.substr(q + 1);
  in.header = [&req](std::string_view name) {
    std::vector<std::string> values;
    auto range = req.headers.equal_range(std::string(name));
    for (auto it = range.first; it != range.second; ++it) values.push_back(it->second);
    return values;
  };
  in.body = req.body;
  return in;
}

}  // namespace vmst::activitypub
