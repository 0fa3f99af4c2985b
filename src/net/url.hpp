#pragma once
// Absolute http(s) URLs as federation uses them: ids, inboxes, key ids.
#include <optional>
#include <string>
#include <string_view>

namespace vmst::net {

struct Url {
  std::string scheme;          // "http" or "https", lowercased
  std::string host;            // lowercased; IPv6 literals without brackets
  int port = 0;                // explicit or the scheme's default
  bool explicit_port = false;  // whether the text named a port
  std::string path_and_query;  // "/users/alice?x=1", at least "/"; the fragment is dropped

  // "host" or "host:port" when the port was explicit (and "[v6]" brackets restored): what handles and Host use.
  std::string authority() const;
  // "https://host[:port]"
  std::string origin() const;
  std::string to_string() const { return origin() + path_and_query; }
};

// Parses an absolute http or https URL. Rejects userinfo, empty hosts, bad ports and other schemes.
std::optional<Url> parse_url(std::string_view text);

// Resolves a possibly relative reference (a redirect Location) against a base URL.
std::optional<Url> resolve_reference(const Url& base, std::string_view reference);

// Host comparison as origin checks need it: same host, ignoring the port (Mastodon compares URI#host only).
bool same_host(const Url& a, const Url& b);

}  // namespace vmst::net
