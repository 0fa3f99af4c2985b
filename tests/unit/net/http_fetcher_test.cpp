#include "net/http_fetcher.hpp"

#include <catch2/catch.hpp>
#include <thread>

using namespace vmst::net;

namespace {
// A loopback server for the fetcher to talk to, on a free port, stopped on destruction.
struct LoopbackServer {
  httplib::Server server;
  int port = 0;
  std::thread thread;
  LoopbackServer() {
    server.Get("/json", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content("{\"ua\":\"" + req.get_header_value("User-Agent") + "\"}", "application/activity+json");
    });
    server.Get("/big", [](const httplib::Request&, httplib::Response& res) { res.set_content(std::string(5000, 'x'), "text/plain"); });
    server.Get("/hop", [this](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("http://127.0.0.1:" + std::to_string(port) + "/json");
    });
    server.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
    server.Get("/signed", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.get_header_value("Signature"), "text/plain");
    });
    // A byte every 100 ms: never quiet for long enough to trip a read timeout.
    server.Get("/drip", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/plain", [](size_t offset, httplib::DataSink& sink) {
        if (offset >= 100) {
          sink.done();
          return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return sink.write("x", 1);
      });
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    // 0.11 has no wait_until_ready(); the socket is already listening after bind, so requests queue until then.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackServer() {
    server.stop();
    thread.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }
};

FetchError::Kind error_kind(const NetPolicy& policy, const FetchRequest& request) {
  try {
    fetch(policy, request);
  } catch (const FetchError& e) {
    return e.kind();
  }
  FAIL("expected a FetchError");
  return FetchError::Kind::Network;
}

const NetPolicy kLoopback{true, true, "vmst-test"};
}  // namespace

TEST_CASE("a fetch returns status, body and headers and sends our User-Agent", "[fetch]") {
  LoopbackServer s;
  FetchRequest request;
  request.url = s.url("/json");
  auto response = fetch(kLoopback, request);
  CHECK(response.status == 200);
  CHECK(response.body == "{\"ua\":\"vmst-test\"}");
  CHECK(response.header("content-type") == "application/activity+json");
}

TEST_CASE("loopback targets are refused unless allowed, and http unless allowed", "[fetch][ssrf]") {
  LoopbackServer s;
  FetchRequest request;
  request.url = s.url("/json");
  CHECK(error_kind(NetPolicy{true, false, "t"}, request) == FetchError::Kind::Refused);
  CHECK(error_kind(NetPolicy{false, true, "t"}, request) == FetchError::Kind::Refused);
  request.url = "gopher://x";
  CHECK(error_kind(kLoopback, request) == FetchError::Kind::InvalidUrl);
}

TEST_CASE("bodies over the limit are cut off with TooLarge", "[fetch]") {
  LoopbackServer s;
  FetchRequest request;
  request.url = s.url("/big");
  request.max_body_bytes = 1000;
  CHECK(error_kind(kLoopback, request) == FetchError::Kind::TooLarge);
  request.max_body_bytes = 10000;
  CHECK(fetch(kLoopback, request).body.size() == 5000);
}

TEST_CASE("redirects are followed a few times, each hop checked and re-signed", "[fetch]") {
  LoopbackServer s;
  FetchRequest request;
  request.url = s.url("/hop");
  int signed_hops = 0;
  request.sign = [&](const Url&, const std::string&, const std::string&, httplib::Headers& headers) {
    ++signed_hops;
    headers.emplace("Signature", "hop" + std::to_string(signed_hops));
  };
  auto response = fetch(kLoopback, request);
  CHECK(response.status == 200);
  CHECK(response.url == s.url("/json"));
  CHECK(signed_hops == 2);
  request.url = s.url("/loop");
  CHECK(error_kind(kLoopback, request) == FetchError::Kind::TooManyRedirects);
}

TEST_CASE("a closed port is a network error, not a crash", "[fetch]") {
  int port;
  {
    LoopbackServer s;
    port = s.port;
  }
  FetchRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  request.timeout_seconds = 2;
  auto kind = error_kind(kLoopback, request);
  CHECK((kind == FetchError::Kind::Network || kind == FetchError::Kind::Timeout));
}

TEST_CASE("a server dripping its body slower than the total limit is cut off with Timeout", "[fetch]") {
  LoopbackServer s;
  FetchRequest request;
  request.url = s.url("/drip");
  request.timeout_seconds = 5;
  request.total_timeout_seconds = 1;
  const auto started = std::chrono::steady_clock::now();
  CHECK(error_kind(kLoopback, request) == FetchError::Kind::Timeout);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(4));
}
