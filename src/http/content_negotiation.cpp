#include "http/content_negotiation.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace vmst::http {

bool wants_activity_json(const httplib::Request& req) {
  std::string accept = req.get_header_value("Accept");
  std::transform(accept.begin(), accept.end(), accept.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t start = 0;
  while (start <= accept.size()) {
    size_t end = accept.find(',', start);
    if (end == std::string::npos) end = accept.size();
    std::string item = accept.substr(start, end - start);
    item = item.substr(0, item.find(';'));
    item.erase(std::remove_if(item.begin(), item.end(), [](unsigned char c) { return std::isspace(c); }), item.end());
    if (item == "application/activity+json" || item == "application/ld+json" || item == "application/json") return true;
    start = end + 1;
  }
  return false;
}

}  // namespace vmst::http
