#include "delivery/fan_out.hpp"

#include <catch2/catch.hpp>

using namespace vmst::delivery;

TEST_CASE("duplicate inboxes get one job, also when they differ only in case or fragment", "[delivery][fan-out]") {
  std::vector<std::string> rejected;
  auto planned = plan_deliveries({"https://a.example/inbox", "https://A.EXAMPLE/inbox", "https://a.example/inbox#x",
                                  "https://a.example/users/bob/inbox", "ftp://a.example/inbox", "not a url"},
                                 &rejected);
  REQUIRE(planned.size() == 2);
  CHECK(planned[0].inbox_url == "https://a.example/inbox");
  CHECK(planned[0].host == "a.example");
  CHECK(planned[1].inbox_url == "https://a.example/users/bob/inbox");
  CHECK(rejected == std::vector<std::string>{"ftp://a.example/inbox", "not a url"});
}

TEST_CASE("a host key keeps an explicit port, so servers on one address are told apart", "[delivery][fan-out]") {
  auto planned = plan_deliveries({"http://127.0.0.1:8081/inbox", "http://127.0.0.1:8082/inbox"});
  REQUIRE(planned.size() == 2);
  CHECK(planned[0].host == "127.0.0.1:8081");
  CHECK(planned[1].host == "127.0.0.1:8082");
}

TEST_CASE("jobs are ordered round-robin across hosts", "[delivery][fan-out]") {
  auto planned = plan_deliveries({"https://a.example/1", "https://a.example/2", "https://a.example/3",
                                  "https://b.example/1", "https://c.example/1", "https://c.example/2"});
  std::vector<std::string> order;
  for (const auto& p : planned) order.push_back(p.inbox_url);
  CHECK(order == std::vector<std::string>{"https://a.example/1", "https://b.example/1", "https://c.example/1",
                                          "https://a.example/2", "https://c.example/2", "https://a.example/3"});
}

TEST_CASE("recipients on a host that all have a shared inbox collapse to it", "[delivery][fan-out]") {
  std::vector<Recipient> recipients = {
      {"https://a.example/users/1/inbox", "https://a.example/inbox"},
      {"https://a.example/users/2/inbox", "https://a.example/inbox"},
      {"https://a.example/users/3/inbox", "https://a.example/inbox"},
  };
  CHECK(collapse_recipients(recipients) == std::vector<std::string>{"https://a.example/inbox"});
}

TEST_CASE("a host where one recipient lacks a shared inbox gets personal inboxes", "[delivery][fan-out]") {
  std::vector<Recipient> recipients = {
      {"https://a.example/users/1/inbox", "https://a.example/inbox"},
      {"https://b.example/users/2/inbox", "https://b.example/inbox"},
      {"https://a.example/users/3/inbox", ""},
      {"https://b.example/users/4/inbox", "https://b.example/inbox"},
  };
  CHECK(collapse_recipients(recipients) ==
        std::vector<std::string>{"https://a.example/users/1/inbox", "https://a.example/users/3/inbox",
                                 "https://b.example/inbox"});
}

TEST_CASE("direct messages go to personal inboxes only, each once", "[delivery][fan-out]") {
  std::vector<Recipient> recipients = {
      {"https://a.example/users/1/inbox", "https://a.example/inbox"},
      {"https://a.example/users/1/inbox", "https://a.example/inbox"},
      {"", ""},
  };
  CHECK(collapse_recipients(recipients, true) == std::vector<std::string>{"https://a.example/users/1/inbox"});
}
