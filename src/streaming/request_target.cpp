#include "streaming/request_target.hpp"

#include <array>

#include "net/url_encoding.hpp"

namespace vmst::streaming {

RequestTarget parse_request_target(std::string_view target) {
  RequestTarget out;
  auto question = target.find('?');
  std::string_view path = target.substr(0, question);
  if (auto hash = path.find('#'); hash != std::string_view::npos) path = path.substr(0, hash);
  out.path = net::percent_decode(path, false);
  while (out.path.size() > 1 && out.path.back() == '/') out.path.pop_back();
  if (out.path.empty()) out.path = "/";

  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string key = net::percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? std::string{} : net::percent_decode(pair.substr(eq + 1), true);
    out.query.emplace(std::move(key), std::move(value));
  }
  return out;
}

bool query_flag(const QueryParams& query, std::string_view key) {
  static constexpr std::array<std::string_view, 8> kFalse = {"0", "f", "F", "false", "FALSE", "off", "OFF", ""};
  auto found = query.find(key);
  if (found == query.end()) return false;
  for (auto no : kFalse) {
    if (found->second == no) return false;
  }
  return true;
}

}  // namespace vmst::streaming
