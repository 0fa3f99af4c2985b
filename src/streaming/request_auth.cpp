#include "streaming/request_auth.hpp"

#include "text/trim.hpp"

namespace vmst::streaming {

namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = text[i];
    char b = prefix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> find_access_token(std::string_view authorization, std::string_view websocket_protocol,
                                             const QueryParams& query) {
  authorization = text::trim(authorization, text::kSpacesAndTabs);
  if (!authorization.empty()) {
    // Mastodon strips "Bearer " and takes the rest, so a bare token works too.
    if (starts_with_ignoring_case(authorization, "bearer") &&
        (authorization.size() == 6 || authorization[6] == ' ' || authorization[6] == '\t')) {
      authorization = text::trim(authorization.substr(6), text::kSpacesAndTabs);
    }
    if (!authorization.empty()) return std::string(authorization);
  }
  if (auto protocol = protocol_to_echo(websocket_protocol)) return protocol;
  if (auto found = query.find("access_token"); found != query.end() && !found->second.empty()) return found->second;
  return std::nullopt;
}

std::optional<std::string> protocol_to_echo(std::string_view websocket_protocol) {
  std::string_view first = text::trim(websocket_protocol.substr(0, websocket_protocol.find(',')), text::kSpacesAndTabs);
  if (first.empty()) return std::nullopt;
  return std::string(first);
}

}  // namespace vmst::streaming
