#include "federation/webfinger_client.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace vmst::federation {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string percent_encode(const std::string& text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool is_activity_type(const std::string& type) {
  return type.rfind("application/activity+json", 0) == 0 ||
         type.rfind("application/ld+json", 0) == 0;
}
}  // namespace

WebfingerClient::Jrd WebfingerClient::fetch_jrd(const std::string& input) {
  std::string handle = input;
  if (lower(handle.substr(0, 5)) == "acct:") handle = handle.substr(5);
  if (!handle.empty() && handle.front() == '@') handle = handle.substr(1);
  auto at = handle.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == handle.size()) throw ResolveError("not a handle: " + input);
  const std::string username = handle.substr(0, at);
  const std::string host = lower(handle.substr(at + 1));
  resolver_.refuse_blocked_host(host);

  std::string url_text = std::string(policy_.allow_http ? "http" : "https") + "://" + host +
                         "/.well-known/webfinger?resource=" + percent_encode("acct:" + username + "@" + host);
  net::FetchRequest request;
  request.url = url_text;
  request.headers.emplace("Accept", "application/jrd+json, application/json");
  request.max_body_bytes = 256 * 1024;
  net::FetchResponse response;
  try {
    response = net::fetch(policy_, request);
  } catch (const net::FetchError& e) {
    throw ResolveError("WebFinger lookup of " + handle + " failed: " + e.what());
  }
  if (response.status != 200) throw ResolveError("WebFinger lookup of " + handle + " answered " + std::to_string(response.status));
  auto jrd = nlohmann::json::parse(response.body, nullptr, false);
  if (!jrd.is_object() || !jrd.contains("links") || !jrd["links"].is_array()) {
    throw ResolveError("WebFinger answer for " + handle + " has no links");
  }
  return Jrd{username, host, std::move(jrd["links"])};
}

std::optional<std::string> WebfingerClient::subscribe_template(const std::string& handle) {
  const Jrd jrd = fetch_jrd(handle);
  for (const auto& link : jrd.links) {
    if (link.is_object() && link.value("rel", "") == "http://ostatus.org/schema/1.0/subscribe" &&
        link.contains("template") && link["template"].is_string()) {
      return link["template"].get<std::string>();
    }
  }
  return std::nullopt;
}

store::AccountRecord WebfingerClient::resolve_handle(const std::string& input) {
  const Jrd jrd = fetch_jrd(input);
  const std::string& username = jrd.username;
  const std::string& host = jrd.host;
  const std::string handle = username + "@" + host;
  std::string self;
  for (const auto& link : jrd.links) {
    if (link.is_object() && link.value("rel", "") == "self" && is_activity_type(link.value("type", "")) &&
        link.contains("href") && link["href"].is_string()) {
      self = link["href"].get<std::string>();
      break;
    }
  }
  if (self.empty()) throw ResolveError("WebFinger answer for " + handle + " has no ActivityPub self link");

  auto actor = resolver_.by_uri(self);
  // The actor must claim this handle back, or any host could name itself someone else's.
  if (lower(actor.username) != lower(username) || lower(actor.domain.value_or("")) != host) {
    throw ResolveError("WebFinger for " + handle + " points to " + actor.uri + ", which is @" + actor.username + "@" +
                       actor.domain.value_or("?"));
  }
  return actor;
}

}  // namespace vmst::federation
