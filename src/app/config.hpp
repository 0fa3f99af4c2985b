#pragma once
// The whole configuration of vmst. Every key is read here and nowhere else: from built-in defaults, then the TOML
// file, then VMST_SECTION_KEY environment variables. vmst.example.toml documents each key.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vmst::app {

// One line naming the source, the key and the problem. Callers print it and exit with code 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct InstanceConfig {
  std::string domain = "localhost:8080";  // authority in handles and ids; may carry a port
  std::string title = "vmst";
  std::string contact_email;
  std::string registrations = "closed";  // open | approval | closed
};

struct HttpConfig {
  std::string listen_host = "127.0.0.1";
  int listen_port = 8080;
  int threads = 32;  // one per concurrent connection: a keep-alive connection holds a worker
  // Above media.video_size_limit, with room for the rest of a multipart upload.
  int64_t max_body_bytes = 101 * 1024 * 1024;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_timeout_seconds = 2;
  int keep_alive_max_requests = 100;
  int listen_backlog = 1024;
  bool access_log = true;
  // The streaming API (WebSocket and SSE) listens on its own address; see streaming/streaming_server.hpp.
  std::string streaming_listen_host = "127.0.0.1";
  int streaming_listen_port = 8081;  // 0 picks a free port (tests)
  std::string streaming_url;  // advertised to clients; empty: derived, see Config::streaming_url()
};

struct StorageConfig {
  std::filesystem::path data_dir = "data";
  int reader_connections = 4;
  int busy_timeout_ms = 5000;
  int cache_mib = 8;  // SQLite page cache per connection
};

struct FederationConfig {
  bool allow_http = false;  // default derived from instance.domain, see load_config
  bool allow_private_addresses = false;
  bool authorized_fetch = false;  // Mastodon's secure mode: GETs of content need a signature
  std::string mode = "blocklist";  // blocklist: federate unless blocked | allowlist: only with allowed domains
  int blocklist_refresh_seconds = 6 * 3600;  // how often subscribed block lists are fetched again
};

// The outbound delivery queue (delivery/). Documented in vmst.example.toml.
struct DeliveryConfig {
  int workers = 64;
  int per_host_concurrency = 4;
  int claim_batch = 256;
  int connect_timeout_seconds = 10;
  int read_timeout_seconds = 10;
  int max_response_bytes = 64 * 1024;
  int max_idle_connections = 1024;
  int poll_interval_ms = 1000;
  int stop_grace_ms = 3000;
  int keep_finished_hours = 24;
  int max_attempts = 17;
  int retry_base_ms = 15'000;
  int retry_step_ms = 1'000;
  int retry_max_delay_ms = 86'400'000;
  int breaker_threshold = 10;
  int breaker_cool_off_seconds = 60;
  int unavailable_after_days = 7;
};

// Uploaded media (services/media). Documented in vmst.example.toml.
struct MediaConfig {
  int64_t image_size_limit = 16 * 1024 * 1024;  // bytes, Mastodon's limit
  int64_t video_size_limit = 99 * 1024 * 1024;  // bytes, for video and audio alike, Mastodon's limit
  int64_t image_matrix_limit = 33177600;        // pixels of one frame (7680x4320), Mastodon's limit
};

struct AuthConfig {
  bool password_grant = false;
};

// Request limits per client, like Mastodon's (http/rate_limit_policy.hpp). Documented in vmst.example.toml.
struct RateLimitsConfig {
  bool enabled = true;
  int api_requests = 300;  // per token, or per IP address without one
  int api_window_seconds = 300;
  int sign_in_attempts = 25;  // per IP address: authorize form posts and password grants
  int sign_in_window_seconds = 300;
  int sign_ups = 5;  // per IP address
  int sign_up_window_seconds = 1800;
};

// The public pages (web/). Documented in vmst.example.toml.
struct WebConfig {
  bool robots_block_ai = true;                    // robots.txt disallows the known AI crawlers
  std::vector<std::string> robots_blocked_agents;  // more User-agent names robots.txt disallows
};

struct LogConfig {
  std::string level = "info";
};

struct Config {
  InstanceConfig instance;
  HttpConfig http;
  StorageConfig storage;
  FederationConfig federation;
  DeliveryConfig delivery;
  MediaConfig media;
  AuthConfig auth;
  RateLimitsConfig rate_limits;
  WebConfig web;
  LogConfig log;
  std::string source = "built-in defaults";  // where the values came from, for messages

  // "http://localhost:8080" or "https://social.example": the prefix of every id this instance mints.
  std::string base_url() const;
  // The streaming base URL clients are told (instance urls.streaming_api, configuration.urls.streaming):
  // http.streaming_url, else wss://domain (ws:// when base_url() is http), which assumes a reverse proxy sends
  // /api/v1/streaming to the streaming listener.
  std::string streaming_url() const;
  std::filesystem::path database_path() const { return storage.data_dir / "vmst.db"; }
  // Uploaded files live here; LocalUrls::media_file() names them by their path relative to it.
  std::filesystem::path media_path() const { return storage.data_dir / "media"; }
};

using Environment = std::map<std::string, std::string>;

// The VMST_* variables of this process.
Environment vmst_environment();

// explicit_path: from --config; it must exist. Without it ./vmst.toml is read when present.
// Throws ConfigError.
Config load_config(const std::optional<std::filesystem::path>& explicit_path, const Environment& env);

// Parse TOML text (for tests and `config check`); source names it in messages.
Config parse_config(std::string_view toml_text, const std::string& source, const Environment& env);

// True for "localhost", "localhost:port", 127.0.0.0/8 and [::1], with or without a port.
bool is_loopback_authority(std::string_view authority);

// Names of every key as "section.key", in documentation order (the example file must list them all).
std::vector<std::string> all_config_keys();

}  // namespace vmst::app
