#include "net/address_guard.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstring>
#include <memory>

namespace vmst::net {

namespace {

bool ipv4_is_public(uint32_t a) {  // host byte order
  auto in = [a](uint32_t net, int bits) { return bits == 0 || (a >> (32 - bits)) == (net >> (32 - bits)); };
  return !(in(0x00000000, 8) ||     // "this network"
           in(0x0A000000, 8) ||     // 10/8
           in(0x64400000, 10) ||    // 100.64/10 CGNAT
           in(0x7F000000, 8) ||     // loopback
           in(0xA9FE0000, 16) ||    // link-local
           in(0xAC100000, 12) ||    // 172.16/12
           in(0xC0000000, 24) ||    // IETF protocol assignments
           in(0xC0000200, 24) ||    // TEST-NET-1
           in(0xC0A80000, 16) ||    // 192.168/16
           in(0xC6120000, 15) ||    // benchmarking
           in(0xC6336400, 24) ||    // TEST-NET-2
           in(0xCB007100, 24) ||    // TEST-NET-3
           in(0xE0000000, 4) ||     // multicast
           in(0xF0000000, 4));      // reserved and broadcast
}

bool ipv6_is_public(const unsigned char* b) {
  static const unsigned char zero[16] = {};
  if (std::memcmp(b, zero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return false;  // :: and ::1
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible form: judge the IPv4 address.
  static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, mapped, 12) == 0 || std::memcmp(b, zero, 12) == 0) {
    uint32_t v4 = (uint32_t(b[12]) << 24) | (uint32_t(b[13]) << 16) | (uint32_t(b[14]) << 8) | b[15];
    return ipv4_is_public(v4);
  }
  if ((b[0] & 0xfe) == 0xfc) return false;                  // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;  // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;  // fec0::/10 site-local (deprecated)
  if (b[0] == 0xff) return false;                           // multicast
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // 2001:db8::/32 documentation
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return false;  // 64:ff9b::/96 NAT64
  return true;
}

}  // namespace

bool is_public_ip(const std::string& ip_text) {
  in_addr v4{};
  if (inet_pton(AF_INET, ip_text.c_str(), &v4) == 1) return ipv4_is_public(ntohl(v4.s_addr));
  in6_addr v6{};
  if (inet_pton(AF_INET6, ip_text.c_str(), &v6) == 1) return ipv6_is_public(v6.s6_addr);
  return false;
}

std::variant<ResolvedAddress, AddressRefused> resolve_checked(const std::string& host, bool allow_private) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* raw = nullptr;
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &raw);
  if (rc != 0) return AddressRefused{"cannot resolve " + host + ": " + gai_strerror(rc)};
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> list(raw, freeaddrinfo);

  std::string first_refused;
  for (addrinfo* ai = list.get(); ai; ai = ai->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    const void* addr = ai->ai_family == AF_INET ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr)
                                                : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr);
    if (!inet_ntop(ai->ai_family, addr, text, sizeof text)) continue;
    if (allow_private || is_public_ip(text)) return ResolvedAddress{text};
    if (first_refused.empty()) first_refused = text;
  }
  return AddressRefused{host + " resolves to a non-public address (" + first_refused +
                        "); set federation.allow_private_addresses to allow it"};
}

}  // namespace vmst::net
