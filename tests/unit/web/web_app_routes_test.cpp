#include "web/web_app_routes.hpp"

#include <catch2/catch.hpp>

using vmst::web::web_app_content_security_policy;

TEST_CASE("the web app's CSP allows only our own scripts and styles and is never framed", "[web_app]") {
  auto csp = web_app_content_security_policy("https://social.example", "wss://social.example");
  CHECK(csp.find("script-src 'self';") != std::string::npos);
  CHECK(csp.find("style-src 'self';") != std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(csp.find("default-src 'none'") != std::string::npos);
}

TEST_CASE("the web app's CSP lets it connect to the streaming listener's origin only", "[web_app]") {
  auto csp = web_app_content_security_policy("http://127.0.0.1:8080", "ws://127.0.0.1:4000/some/path");
  CHECK(csp.find("connect-src 'self' ws://127.0.0.1:4000;") != std::string::npos);
}

TEST_CASE("the web app loads remote images over http only when the instance itself is served over http",
          "[web_app]") {
  CHECK(web_app_content_security_policy("https://social.example", "").find("http:") == std::string::npos);
  CHECK(web_app_content_security_policy("http://localhost:8080", "").find("img-src 'self' data: blob: https: http:") !=
        std::string::npos);
}

TEST_CASE("an embedded file's entity tag is quoted and changes with its bytes", "[web_app]") {
  auto tag = vmst::web::entity_tag("export const a = 1;\n");
  CHECK(tag.size() == 18);
  CHECK(tag.front() == '"');
  CHECK(tag.back() == '"');
  CHECK(tag == vmst::web::entity_tag("export const a = 1;\n"));
  CHECK(tag != vmst::web::entity_tag("export const a = 2;\n"));
}
