#pragma once
// The SSRF guard: outbound fetches and deliveries go only to public addresses, unless
// federation.allow_private_addresses is set (loopback test networks). The name is resolved here and the
// connection is pinned to the checked address, so DNS cannot swap in a private one between check and connect.
#include <string>
#include <variant>

namespace vmst::net {

// True for addresses a remote server may legitimately have: not loopback, private (RFC 1918, ULA), link-local,
// CGNAT, multicast, unspecified, documentation, benchmarking, broadcast or IPv4-mapped forms of those.
bool is_public_ip(const std::string& ip_text);

struct ResolvedAddress {
  std::string ip;  // textual IPv4 or IPv6
};
struct AddressRefused {
  std::string reason;
};

// Resolves host (a name or an IP literal) and returns the first acceptable address.
std::variant<ResolvedAddress, AddressRefused> resolve_checked(const std::string& host, bool allow_private);

}  // namespace vmst::net
