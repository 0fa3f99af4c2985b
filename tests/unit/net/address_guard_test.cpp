#include "net/address_guard.hpp"

#include <catch2/catch.hpp>

using vmst::net::is_public_ip;

TEST_CASE("loopback, private, link-local and special addresses are not public", "[ssrf]") {
  for (const char* ip : {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                         "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "192.0.2.4",
                         "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
                         "::ffff:10.0.0.1", "2001:db8::1", "64:ff9b::a00:1", "not an ip"}) {
    INFO(ip);
    CHECK_FALSE(is_public_ip(ip));
  }
}

TEST_CASE("ordinary public addresses pass", "[ssrf]") {
  for (const char* ip : {"1.1.1.1", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"}) {
    INFO(ip);
    CHECK(is_public_ip(ip));
  }
}

TEST_CASE("resolving a loopback name is refused unless private addresses are allowed", "[ssrf]") {
  auto refused = vmst::net::resolve_checked("127.0.0.1", false);
  REQUIRE(std::holds_alternative<vmst::net::AddressRefused>(refused));
  CHECK(std::get<vmst::net::AddressRefused>(refused).reason.find("allow_private_addresses") != std::string::npos);
  auto allowed = vmst::net::resolve_checked("127.0.0.1", true);
  REQUIRE(std::holds_alternative<vmst::net::ResolvedAddress>(allowed));
  CHECK(std::get<vmst::net::ResolvedAddress>(allowed).ip == "127.0.0.1");
}
