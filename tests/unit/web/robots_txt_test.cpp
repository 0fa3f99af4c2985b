#include "web/robots_txt.hpp"

#include <catch2/catch.hpp>

using namespace vmst;

TEST_CASE("robots.txt refuses the known AI crawlers by default and keeps crawlers out of the API", "[robots]") {
  app::WebConfig config;
  std::string robots = web::robots_txt(config);
  for (const char* agent : {"GPTBot", "ChatGPT-User", "ClaudeBot", "anthropic-ai", "CCBot", "Google-Extended",
                            "PerplexityBot", "Bytespider", "Applebot-Extended", "Meta-ExternalAgent", "Amazonbot",
                            "Diffbot"}) {
    CHECK(robots.find("User-agent: " + std::string(agent) + "\n") != std::string::npos);
  }
  auto group_end = robots.find("Disallow: /\n");
  REQUIRE(group_end != std::string::npos);
  CHECK(robots.find("User-agent: GPTBot") < group_end);
  CHECK(robots.find("User-agent: *\nDisallow: /api/\n") != std::string::npos);
}

TEST_CASE("robots.txt lets AI crawlers through when turned off, and adds the extra agents", "[robots]") {
  app::WebConfig config;
  config.robots_block_ai = false;
  CHECK(web::robots_txt(config).find("GPTBot") == std::string::npos);
  CHECK(web::robots_txt(config).find("Disallow: /\n") == std::string::npos);
  config.robots_blocked_agents = {"SomeBot", "OtherBot"};
  std::string robots = web::robots_txt(config);
  CHECK(robots.find("User-agent: SomeBot\nUser-agent: OtherBot\nDisallow: /\n") != std::string::npos);
  CHECK(robots.find("GPTBot") == std::string::npos);
}
