#include "app/config.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support/temp_dir.hpp"

using vmst::app::Config;
using vmst::app::ConfigError;
using vmst::app::Environment;
using vmst::app::parse_config;

namespace {
std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The message of the ConfigError that parsing throws.
std::string error_of(const std::string& toml, const Environment& env = {}) {
  try {
    parse_config(toml, "test.toml", env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}
}  // namespace

TEST_CASE("empty config gives the documented defaults", "[config]") {
  Config c = parse_config("", "test.toml", {});
  CHECK(c.instance.domain == "localhost:8080");
  CHECK(c.http.listen_host == "127.0.0.1");
  CHECK(c.http.listen_port == 8080);
  CHECK(c.storage.data_dir == "data");
  CHECK(c.database_path() == std::filesystem::path("data") / "vmst.db");
  CHECK_FALSE(c.auth.password_grant);
  CHECK_FALSE(c.federation.allow_private_addresses);
  // localhost: http ids are allowed by default
  CHECK(c.federation.allow_http);
  CHECK(c.base_url() == "http://localhost:8080");
}

TEST_CASE("the example config parses to the defaults and documents every key", "[config]") {
  const std::string example = read_file(std::filesystem::path(VMST_SOURCE_DIR) / "vmst.example.toml");
  REQUIRE_FALSE(example.empty());
  Config from_example = parse_config(example, "vmst.example.toml", {});
  Config defaults = parse_config("", "defaults", {});
  CHECK(from_example.instance.domain == defaults.instance.domain);
  CHECK(from_example.instance.title == defaults.instance.title);
  CHECK(from_example.instance.registrations == defaults.instance.registrations);
  CHECK(from_example.http.listen_port == defaults.http.listen_port);
  CHECK(from_example.http.threads == defaults.http.threads);
  CHECK(from_example.http.max_body_bytes == defaults.http.max_body_bytes);
  CHECK(from_example.http.keep_alive_timeout_seconds == defaults.http.keep_alive_timeout_seconds);
  CHECK(from_example.storage.reader_connections == defaults.storage.reader_connections);
  CHECK(from_example.storage.cache_mib == defaults.storage.cache_mib);
  CHECK(from_example.federation.allow_http == defaults.federation.allow_http);
  CHECK(from_example.log.level == defaults.log.level);

  for (const auto& full : vmst::app::all_config_keys()) {
    auto dot = full.find('.');
    std::string section = "[" + full.substr(0, dot) + "]";
    std::string key = full.substr(dot + 1) + " = ";
    auto section_at = example.find(section);
    INFO("key " << full);
    REQUIRE(section_at != std::string::npos);
    auto next_section = example.find("\n[", section_at + 1);
    auto key_at = example.find(key, section_at);
    CHECK(key_at != std::string::npos);
    CHECK(key_at < next_section);
  }
}

TEST_CASE("values from the file override defaults", "[config]") {
  Config c = parse_config(R"(
[instance]
domain = "Social.Example"
title = "Our place"
[http]
listen = "0.0.0.0:9000"
threads = 64
[storage]
data_dir = "/var/lib/vmst"
[auth]
password_grant = true
)",
                          "test.toml", {});
  CHECK(c.instance.domain == "social.example");
  CHECK(c.instance.title == "Our place");
  CHECK(c.http.listen_host == "0.0.0.0");
  CHECK(c.http.listen_port == 9000);
  CHECK(c.http.threads == 64);
  CHECK(c.storage.data_dir == "/var/lib/vmst");
  CHECK(c.auth.password_grant);
  // a public domain gets https ids unless told otherwise
  CHECK_FALSE(c.federation.allow_http);
  CHECK(c.base_url() == "https://social.example");
}

TEST_CASE("allow_http defaults to true only for loopback domains", "[config]") {
  CHECK(parse_config("[instance]\ndomain = \"127.0.0.5:3000\"", "t", {}).federation.allow_http);
  CHECK(parse_config("[instance]\ndomain = \"localhost\"", "t", {}).federation.allow_http);
  CHECK(parse_config("[instance]\ndomain = \"[::1]:8080\"", "t", {}).federation.allow_http);
  CHECK_FALSE(parse_config("[instance]\ndomain = \"128.0.0.1\"", "t", {}).federation.allow_http);
  CHECK_FALSE(parse_config("[instance]\ndomain = \"localhost.example\"", "t", {}).federation.allow_http);
  // an explicit setting wins either way
  CHECK_FALSE(parse_config("[federation]\nallow_http = false", "t", {}).federation.allow_http);
  CHECK(parse_config("[instance]\ndomain = \"a.example\"\n[federation]\nallow_http = true", "t", {}).federation.allow_http);
}

TEST_CASE("bad config input gives one line naming the source, the key and the problem", "[config]") {
  CHECK(error_of("[http]\nthreads = \"many\"") == "test.toml: http.threads: expected an integer, got a string");
  CHECK(error_of("[http]\nthreads = 1") == "test.toml: http.threads: must be between 2 and 1024, got 1");
  CHECK(error_of("[http]\nthredas = 8") == "test.toml: http.thredas: unknown key");
  CHECK(error_of("[htp]\nthreads = 8") == "test.toml: htp: unknown section [htp]");
  CHECK(error_of("domain = \"x\"").find("test.toml: domain: unknown key") == 0);
  CHECK(error_of("[http]\nlisten = \"127.0.0.1\"") ==
        "test.toml: http.listen: must be host:port, like 127.0.0.1:8080, got \"127.0.0.1\"");
  CHECK(error_of("[http]\nlisten = \"127.0.0.1:99999\"").find("invalid port") != std::string::npos);
  CHECK(error_of("[instance]\ndomain = \"https://social.example\"").find("test.toml: instance.domain: must be a bare host") == 0);
  CHECK(error_of("[instance]\nregistrations = \"maybe\"") ==
        "test.toml: instance.registrations: must be one of open, approval, closed, got \"maybe\"");
  CHECK(error_of("[auth]\npassword_grant = \"yes\"") ==
        "test.toml: auth.password_grant: expected a boolean (true or false), got a string");
  CHECK(error_of("[log]\nlevel = \"loud\"").find("test.toml: log.level: must be one of") == 0);
  CHECK(error_of("[http]\nthreads = 8.5") == "test.toml: http.threads: expected an integer, got a number with a fraction");
  CHECK(error_of("[storage]\ndata_dir = \"\"") == "test.toml: storage.data_dir: must not be empty");
}

TEST_CASE("malformed TOML names the file, line and column", "[config]") {
  std::string message = error_of("[http]\nthreads = = 3\n");
  CHECK(message.rfind("test.toml:2:", 0) == 0);
  CHECK(message.find("not valid TOML") != std::string::npos);
}

TEST_CASE("VMST_SECTION_KEY environment variables override the file", "[config]") {
  Environment env{{"VMST_HTTP_LISTEN", "127.0.0.2:7000"},
                  {"VMST_STORAGE_DATA_DIR", "/tmp/x"},
                  {"VMST_AUTH_PASSWORD_GRANT", "true"},
                  {"VMST_HTTP_THREADS", "12"},
                  {"VMST_UNRELATED_THING", "ignored"}};
  Config c = parse_config("[http]\nlisten = \"127.0.0.1:8080\"\nthreads = 4", "t", env);
  CHECK(c.http.listen_host == "127.0.0.2");
  CHECK(c.http.listen_port == 7000);
  CHECK(c.http.threads == 12);
  CHECK(c.storage.data_dir == "/tmp/x");
  CHECK(c.auth.password_grant);
}

TEST_CASE("bad environment overrides are refused with the variable's name", "[config]") {
  CHECK(error_of("", {{"VMST_HTTP_THREADS", "lots"}}) ==
        "environment VMST_HTTP_THREADS: http.threads: expected an integer, got \"lots\"");
  CHECK(error_of("", {{"VMST_AUTH_PASSWORD_GRANT", "perhaps"}}) ==
        "environment VMST_AUTH_PASSWORD_GRANT: auth.password_grant: expected a boolean (true or false), got \"perhaps\"");
  CHECK(error_of("", {{"VMST_HTTP_LISTN", "x"}}).find("environment VMST_HTTP_LISTN: no such setting") == 0);
}

TEST_CASE("load_config reads ./vmst.toml only when present, and an explicit path must exist", "[config]") {
  vmst::testing::TempDir dir;
  auto missing = dir.path() / "nope.toml";
  CHECK_THROWS_AS(vmst::app::load_config(missing, {}), ConfigError);
  try {
    vmst::app::load_config(missing, {});
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).find(missing.string()) == 0);
  }
  auto file = dir.path() / "vmst.toml";
  std::ofstream(file) << "[instance]\ntitle = \"From file\"\n";
  Config c = vmst::app::load_config(file, {});
  CHECK(c.instance.title == "From file");
  CHECK(c.source == file.string());
}

TEST_CASE("media size limits default to Mastodon's and are set from the file or environment", "[config]") {
  Config defaults = parse_config("", "test.toml", {});
  CHECK(defaults.media.image_size_limit == 16 * 1024 * 1024);
  CHECK(defaults.media.video_size_limit == 99 * 1024 * 1024);
  // An upload at the video limit must fit in a request body.
  CHECK(defaults.http.max_body_bytes > defaults.media.video_size_limit);
  CHECK(defaults.media_path() == std::filesystem::path("data") / "media");

  const std::string example = read_file(std::filesystem::path(VMST_SOURCE_DIR) / "vmst.example.toml");
  Config from_example = parse_config(example, "vmst.example.toml", {});
  CHECK(from_example.media.image_size_limit == defaults.media.image_size_limit);
  CHECK(from_example.media.video_size_limit == defaults.media.video_size_limit);
  CHECK(from_example.http.max_body_bytes == defaults.http.max_body_bytes);

  Config set = parse_config("[media]\nimage_size_limit = 2048\n", "test.toml", {{"VMST_MEDIA_VIDEO_SIZE_LIMIT", "4096"}});
  CHECK(set.media.image_size_limit == 2048);
  CHECK(set.media.video_size_limit == 4096);
  CHECK(error_of("[media]\nimage_size_limit = 10\n") ==
        "test.toml: media.image_size_limit: must be between 1024 and 4294967296, got 10");
}

TEST_CASE("the streaming listener defaults to 127.0.0.1:8081 and accepts port 0", "[config]") {
  Config defaults = parse_config("", "t", {});
  CHECK(defaults.http.streaming_listen_host == "127.0.0.1");
  CHECK(defaults.http.streaming_listen_port == 8081);
  Config c = parse_config("[http]\nstreaming_listen = \"[::1]:0\"", "t", {});
  CHECK(c.http.streaming_listen_host == "::1");
  CHECK(c.http.streaming_listen_port == 0);
  CHECK(parse_config("", "t", {{"VMST_HTTP_STREAMING_LISTEN", "0.0.0.0:9001"}}).http.streaming_listen_port == 9001);
  CHECK(error_of("[http]\nstreaming_listen = \"127.0.0.1\"") ==
        "test.toml: http.streaming_listen: must be host:port, like 127.0.0.1:8081, got \"127.0.0.1\"");
  CHECK(error_of("[http]\nlisten = \"127.0.0.1:0\"").find("invalid port") != std::string::npos);  // unchanged
}

TEST_CASE("streaming_url() is the configured URL, else ws(s)://domain following the base URL", "[config]") {
  CHECK(parse_config("", "t", {}).streaming_url() == "ws://localhost:8080");
  CHECK(parse_config("[instance]\ndomain = \"social.example\"", "t", {}).streaming_url() == "wss://social.example");
  Config set = parse_config("[http]\nstreaming_url = \"wss://stream.social.example/\"", "t", {});
  CHECK(set.http.streaming_url == "wss://stream.social.example");
  CHECK(set.streaming_url() == "wss://stream.social.example");
  CHECK(parse_config("[http]\nstreaming_url = \"ws://127.0.0.1:8081\"", "t", {}).streaming_url() == "ws://127.0.0.1:8081");
  CHECK(error_of("[http]\nstreaming_url = \"https://social.example\"")
            .find("test.toml: http.streaming_url: must start with ws:// or wss://") == 0);
  CHECK(error_of("[http]\nstreaming_url = \"wss://social.example/api/v1/streaming\"")
            .find("test.toml: http.streaming_url: must be a scheme and host only") == 0);
  CHECK(error_of("[http]\nstreaming_url = \"wss://\"").find("invalid host") != std::string::npos);
}

TEST_CASE("the [web] robots settings: AI crawlers refused by default, extra agents as a comma-separated list",
          "[config]") {
  Config defaults = parse_config("", "test.toml", {});
  CHECK(defaults.web.robots_block_ai);
  CHECK(defaults.web.robots_blocked_agents.empty());
  Config set = parse_config("[web]\nrobots_block_ai = false\nrobots_blocked_agents = \" SomeBot, Other-Bot ,\"",
                            "test.toml", {});
  CHECK_FALSE(set.web.robots_block_ai);
  CHECK(set.web.robots_blocked_agents == std::vector<std::string>{"SomeBot", "Other-Bot"});
  CHECK(error_of("[web]\nrobots_blocked_agents = \"Bad Bot\"").find("test.toml: web.robots_blocked_agents: names user "
                                                                    "agents with letters") == 0);
}
