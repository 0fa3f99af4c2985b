#include "app/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <toml++/toml.h>
#include <variant>
#include <vector>

#include "text/trim.hpp"

extern char** environ;

namespace vmst::app {

namespace {

enum class ValueType { String, Integer, Boolean };

using Value = std::variant<std::string, int64_t, bool>;

// What a key accepts and where it goes. `apply` validates and stores; it returns a problem or an empty string.
struct KeySpec {
  std::string_view section;
  std::string_view key;
  ValueType type;
  std::function<std::string(Config&, const Value&)> apply;
};

std::string_view type_name(ValueType t) {
  switch (t) {
    case ValueType::String: return "a string";
    case ValueType::Integer: return "an integer";
    case ValueType::Boolean: return "a boolean (true or false)";
  }
  return "?";
}

std::string_view toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number with a fraction";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    default: return "a date or time";
  }
}

// Setters with range checks, so each spec below reads as one line.
std::function<std::string(Config&, const Value&)> integer_in(int min, int max, std::function<void(Config&, int)> set) {
  return [=](Config& c, const Value& v) -> std::string {
    int64_t n = std::get<int64_t>(v);
    if (n < min || n > max) {
      return "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::to_string(n);
    }
    set(c, static_cast<int>(n));
    return "";
  };
}

std::function<std::string(Config&, const Value&)> bytes_in(int64_t min, int64_t max,
                                                            std::function<void(Config&, int64_t)> set) {
  return [=](Config& c, const Value& v) -> std::string {
    int64_t n = std::get<int64_t>(v);
    if (n < min || n > max) {
      return "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + std::to_string(n);
    }
    set(c, n);
    return "";
  };
}

std::function<std::string(Config&, const Value&)> boolean(std::function<void(Config&, bool)> set) {
  return [=](Config& c, const Value& v) -> std::string {
    set(c, std::get<bool>(v));
    return "";
  };
}

std::function<std::string(Config&, const Value&)> one_of(std::vector<std::string> allowed,
                                                          std::function<void(Config&, const std::string&)> set) {
  return [=](Config& c, const Value& v) -> std::string {
    const auto& s = std::get<std::string>(v);
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return "must be one of " + list + ", got \"" + s + "\"";
    }
    set(c, s);
    return "";
  };
}

bool valid_hostname(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  if (host.front() == '[') return host.back() == ']' && host.size() > 2;  // IPv6 literal
  for (char ch : host) {
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '.')) return false;
  }
  return host.front() != '.' && host.back() != '.' && host.front() != '-';
}

// Splits "host:port" (host may be a bracketed IPv6 literal). Returns a problem or "".
std::string split_authority(std::string_view text, std::string& host, std::optional<int>& port, int min_port = 1) {
  size_t colon = std::string_view::npos;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return "has an unclosed '['";
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') return "has text after ']' that is not ':port'";
      colon = close + 1;
    }
  } else {
    colon = text.rfind(':');
  }
  host = std::string(text.substr(0, colon));
  port.reset();
  if (colon != std::string_view::npos) {
    std::string_view p = text.substr(colon + 1);
    int value = 0;
    auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
    if (p.empty() || ec != std::errc() || end != p.data() + p.size() || value < min_port || value > 65535) {
      return "has an invalid port \"" + std::string(p) + "\"";
    }
    port = value;
  }
  if (!valid_hostname(host)) return "has an invalid host \"" + host + "\"";
  return "";
}

const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = {
      {"instance", "domain", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         if (s.find("://") != std::string::npos || s.find('/') != std::string::npos) {
           return "must be a bare host with an optional port (like social.example or localhost:8080), got \"" + s + "\"";
         }
         std::string host;
         std::optional<int> port;
         if (auto problem = split_authority(s, host, port); !problem.empty()) return problem;
         std::string lower = s;
         std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
         c.instance.domain = lower;
         return "";
       }},
      {"instance", "title", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         if (s.empty()) return "must not be empty";
         c.instance.title = s;
         return "";
       }},
      {"instance", "contact_email", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         if (!s.empty() && (s.find('@') == std::string::npos || s.front() == '@' || s.back() == '@')) {
           return "is not an email address: \"" + s + "\"";
         }
         c.instance.contact_email = s;
         return "";
       }},
      {"instance", "registrations", ValueType::String,
       one_of({"open", "approval", "closed"}, [](Config& c, const std::string& s) { c.instance.registrations = s; })},
      {"http", "listen", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         std::string host;
         std::optional<int> port;
         if (auto problem = split_authority(s, host, port); !problem.empty()) return "\"" + s + "\" " + problem;
         if (!port) return "must be host:port, like 127.0.0.1:8080, got \"" + s + "\"";
         if (host.front() == '[') host = host.substr(1, host.size() - 2);
         c.http.listen_host = host;
         c.http.listen_port = *port;
         return "";
       }},
      {"http", "threads", ValueType::Integer, integer_in(2, 1024, [](Config& c, int n) { c.http.threads = n; })},
      {"http", "max_body_bytes", ValueType::Integer,
       [](Config& c, const Value& v) -> std::string {
         int64_t n = std::get<int64_t>(v);
         if (n < 1024 || n > (int64_t{1} << 32)) return "must be between 1024 and 4294967296, got " + std::to_string(n);
         c.http.max_body_bytes = n;
         return "";
       }},
      {"http", "read_timeout_seconds", ValueType::Integer,
       integer_in(1, 300, [](Config& c, int n) { c.http.read_timeout_seconds = n; })},
      {"http", "write_timeout_seconds", ValueType::Integer,
       integer_in(1, 300, [](Config& c, int n) { c.http.write_timeout_seconds = n; })},
      {"http", "keep_alive_timeout_seconds", ValueType::Integer,
       integer_in(1, 60, [](Config& c, int n) { c.http.keep_alive_timeout_seconds = n; })},
      {"http", "keep_alive_max_requests", ValueType::Integer,
       integer_in(1, 100000, [](Config& c, int n) { c.http.keep_alive_max_requests = n; })},
      {"http", "listen_backlog", ValueType::Integer,
       integer_in(16, 65535, [](Config& c, int n) { c.http.listen_backlog = n; })},
      {"http", "access_log", ValueType::Boolean, boolean([](Config& c, bool b) { c.http.access_log = b; })},
      {"http", "streaming_listen", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         std::string host;
         std::optional<int> port;
         if (auto problem = split_authority(s, host, port, 0); !problem.empty()) return "\"" + s + "\" " + problem;
         if (!port) return "must be host:port, like 127.0.0.1:8081, got \"" + s + "\"";
         if (host.front() == '[') host = host.substr(1, host.size() - 2);
         c.http.streaming_listen_host = host;
         c.http.streaming_listen_port = *port;
         return "";
       }},
      {"http", "streaming_url", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         std::string s = std::get<std::string>(v);
         if (!s.empty()) {
           auto scheme_end = s.find("://");
           std::string scheme = scheme_end == std::string::npos ? "" : s.substr(0, scheme_end);
           if (scheme != "ws" && scheme != "wss") {
             return "must start with ws:// or wss:// (like wss://social.example), got \"" + s + "\"";
           }
           std::string authority = s.substr(scheme_end + 3);
           if (!authority.empty() && authority.back() == '/') {
             authority.pop_back();
             s.pop_back();
           }
           if (authority.find('/') != std::string::npos || authority.find('?') != std::string::npos) {
             return "must be a scheme and host only, without a path (clients add /api/v1/streaming), got \"" + s + "\"";
           }
           std::string host;
           std::optional<int> port;
           if (auto problem = split_authority(authority, host, port); !problem.empty()) return "\"" + s + "\" " + problem;
         }
         c.http.streaming_url = s;
         return "";
       }},
      {"storage", "data_dir", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         const auto& s = std::get<std::string>(v);
         if (s.empty()) return "must not be empty";
         c.storage.data_dir = s;
         return "";
       }},
      {"storage", "reader_connections", ValueType::Integer,
       integer_in(1, 64, [](Config& c, int n) { c.storage.reader_connections = n; })},
      {"storage", "busy_timeout_ms", ValueType::Integer,
       integer_in(0, 600000, [](Config& c, int n) { c.storage.busy_timeout_ms = n; })},
      {"storage", "cache_mib", ValueType::Integer, integer_in(1, 4096, [](Config& c, int n) { c.storage.cache_mib = n; })},
      {"federation", "allow_http", ValueType::Boolean, boolean([](Config& c, bool b) { c.federation.allow_http = b; })},
      {"federation", "allow_private_addresses", ValueType::Boolean,
       boolean([](Config& c, bool b) { c.federation.allow_private_addresses = b; })},
      {"federation", "authorized_fetch", ValueType::Boolean,
       boolean([](Config& c, bool b) { c.federation.authorized_fetch = b; })},
      {"federation", "mode", ValueType::String,
       one_of({"blocklist", "allowlist"}, [](Config& c, const std::string& s) { c.federation.mode = s; })},
      {"federation", "blocklist_refresh_seconds", ValueType::Integer,
       integer_in(5, 7 * 86400, [](Config& c, int n) { c.federation.blocklist_refresh_seconds = n; })},
      {"delivery", "workers", ValueType::Integer, integer_in(1, 1024, [](Config& c, int n) { c.delivery.workers = n; })},
      {"delivery", "per_host_concurrency", ValueType::Integer,
       integer_in(1, 64, [](Config& c, int n) { c.delivery.per_host_concurrency = n; })},
      {"delivery", "claim_batch", ValueType::Integer,
       integer_in(1, 10000, [](Config& c, int n) { c.delivery.claim_batch = n; })},
      {"delivery", "connect_timeout_seconds", ValueType::Integer,
       integer_in(1, 120, [](Config& c, int n) { c.delivery.connect_timeout_seconds = n; })},
      {"delivery", "read_timeout_seconds", ValueType::Integer,
       integer_in(1, 300, [](Config& c, int n) { c.delivery.read_timeout_seconds = n; })},
      {"delivery", "max_response_bytes", ValueType::Integer,
       integer_in(1024, 16 * 1024 * 1024, [](Config& c, int n) { c.delivery.max_response_bytes = n; })},
      {"delivery", "max_idle_connections", ValueType::Integer,
       integer_in(0, 65536, [](Config& c, int n) { c.delivery.max_idle_connections = n; })},
      {"delivery", "poll_interval_ms", ValueType::Integer,
       integer_in(10, 60000, [](Config& c, int n) { c.delivery.poll_interval_ms = n; })},
      {"delivery", "stop_grace_ms", ValueType::Integer,
       integer_in(0, 60000, [](Config& c, int n) { c.delivery.stop_grace_ms = n; })},
      {"delivery", "keep_finished_hours", ValueType::Integer,
       integer_in(1, 8760, [](Config& c, int n) { c.delivery.keep_finished_hours = n; })},
      {"delivery", "max_attempts", ValueType::Integer,
       integer_in(1, 100, [](Config& c, int n) { c.delivery.max_attempts = n; })},
      {"delivery", "retry_base_ms", ValueType::Integer,
       integer_in(0, 86400000, [](Config& c, int n) { c.delivery.retry_base_ms = n; })},
      {"delivery", "retry_step_ms", ValueType::Integer,
       integer_in(0, 86400000, [](Config& c, int n) { c.delivery.retry_step_ms = n; })},
      {"delivery", "retry_max_delay_ms", ValueType::Integer,
       integer_in(100, 604800000, [](Config& c, int n) { c.delivery.retry_max_delay_ms = n; })},
      {"delivery", "breaker_threshold", ValueType::Integer,
       integer_in(1, 1000, [](Config& c, int n) { c.delivery.breaker_threshold = n; })},
      {"delivery", "breaker_cool_off_seconds", ValueType::Integer,
       integer_in(1, 86400, [](Config& c, int n) { c.delivery.breaker_cool_off_seconds = n; })},
      {"delivery", "unavailable_after_days", ValueType::Integer,
       integer_in(1, 365, [](Config& c, int n) { c.delivery.unavailable_after_days = n; })},
      {"media", "image_size_limit", ValueType::Integer,
       bytes_in(1024, int64_t{1} << 32, [](Config& c, int64_t n) { c.media.image_size_limit = n; })},
      {"media", "video_size_limit", ValueType::Integer,
       bytes_in(1024, int64_t{1} << 32, [](Config& c, int64_t n) { c.media.video_size_limit = n; })},
      {"media", "image_matrix_limit", ValueType::Integer,
       bytes_in(1, int64_t{1} << 31, [](Config& c, int64_t n) { c.media.image_matrix_limit = n; })},
      {"auth", "password_grant", ValueType::Boolean, boolean([](Config& c, bool b) { c.auth.password_grant = b; })},
      {"web", "robots_block_ai", ValueType::Boolean, boolean([](Config& c, bool b) { c.web.robots_block_ai = b; })},
      {"web", "robots_blocked_agents", ValueType::String,
       [](Config& c, const Value& v) -> std::string {
         // A comma-separated list: the config has no array keys, and the environment override needs one string.
         c.web.robots_blocked_agents.clear();
         std::string_view rest = std::get<std::string>(v);
         while (!rest.empty()) {
           size_t comma = rest.find(',');
           const std::string_view item = text::trim(rest.substr(0, comma), text::kAsciiWhitespace);
           for (char ch : item) {
             if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.' || ch == '/')) {
               return "names user agents with letters, digits and - _ . / only, got \"" + std::string(item) + "\"";
             }
           }
           if (!item.empty()) c.web.robots_blocked_agents.emplace_back(item);
           rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
         }
         return "";
       }},
      {"rate_limits", "enabled", ValueType::Boolean, boolean([](Config& c, bool b) { c.rate_limits.enabled = b; })},
      {"rate_limits", "api_requests", ValueType::Integer,
       integer_in(1, 100000000, [](Config& c, int n) { c.rate_limits.api_requests = n; })},
      {"rate_limits", "api_window_seconds", ValueType::Integer,
       integer_in(1, 86400, [](Config& c, int n) { c.rate_limits.api_window_seconds = n; })},
      {"rate_limits", "sign_in_attempts", ValueType::Integer,
       integer_in(1, 100000000, [](Config& c, int n) { c.rate_limits.sign_in_attempts = n; })},
      {"rate_limits", "sign_in_window_seconds", ValueType::Integer,
       integer_in(1, 86400, [](Config& c, int n) { c.rate_limits.sign_in_window_seconds = n; })},
      {"rate_limits", "sign_ups", ValueType::Integer,
       integer_in(1, 100000000, [](Config& c, int n) { c.rate_limits.sign_ups = n; })},
      {"rate_limits", "sign_up_window_seconds", ValueType::Integer,
       integer_in(1, 86400, [](Config& c, int n) { c.rate_limits.sign_up_window_seconds = n; })},
      {"log", "level", ValueType::String,
       one_of({"trace", "debug", "info", "warn", "error", "off"}, [](Config& c, const std::string& s) { c.log.level = s; })},
  };
  return specs;
}

std::string env_name(const KeySpec& spec) {
  std::string name = "VMST_" + std::string(spec.section) + "_" + std::string(spec.key);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::toupper(ch); });
  return name;
}

std::string full_name(const KeySpec& spec) { return std::string(spec.section) + "." + std::string(spec.key); }

[[noreturn]] void fail(const std::string& where, const std::string& key, const std::string& problem) {
  throw ConfigError(where + ": " + key + ": " + problem);
}

std::optional<Value> parse_env_value(ValueType type, const std::string& text) {
  switch (type) {
    case ValueType::String: return Value{text};
    case ValueType::Integer: {
      int64_t n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return Value{n};
    }
    case ValueType::Boolean: {
      std::string lower = text;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
      if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") return Value{true};
      if (lower == "false" || lower == "0" || lower == "no" || lower == "off") return Value{false};
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<Value> toml_value(ValueType type, const toml::node& node) {
  switch (type) {
    case ValueType::String:
      if (auto s = node.value<std::string>(); s && node.is_string()) return Value{*s};
      return std::nullopt;
    case ValueType::Integer:
      if (node.is_integer()) return Value{*node.value<int64_t>()};
      return std::nullopt;
    case ValueType::Boolean:
      if (node.is_boolean()) return Value{*node.value<bool>()};
      return std::nullopt;
  }
  return std::nullopt;
}

const KeySpec* find_spec(std::string_view section, std::string_view key) {
  for (const auto& spec : key_specs()) {
    if (spec.section == section && spec.key == key) return &spec;
  }
  return nullptr;
}

bool known_section(std::string_view section) {
  return std::any_of(key_specs().begin(), key_specs().end(), [&](const KeySpec& s) { return s.section == section; });
}

Config build(const toml::table* table, const std::string& source, const Environment& env) {
  Config config;
  config.source = source;
  std::set<std::string> explicitly_set;

  if (table) {
    for (const auto& [section_key, section_node] : *table) {
      std::string section(section_key.str());
      if (!known_section(section)) {
        if (section_node.is_table()) fail(source, section, "unknown section [" + section + "]");
        fail(source, section, "unknown key (keys belong in a section such as [instance] or [http])");
      }
      const auto* section_table = section_node.as_table();
      if (!section_table) fail(source, section, "must be a table ([" + section + "]), got " + std::string(toml_type_name(section_node)));
      for (const auto& [key_node_key, value_node] : *section_table) {
        std::string key(key_node_key.str());
        const KeySpec* spec = find_spec(section, key);
        if (!spec) fail(source, section + "." + key, "unknown key");
        auto value = toml_value(spec->type, value_node);
        if (!value) {
          fail(source, full_name(*spec),
               "expected " + std::string(type_name(spec->type)) + ", got " + std::string(toml_type_name(value_node)));
        }
        if (auto problem = spec->apply(config, *value); !problem.empty()) fail(source, full_name(*spec), problem);
        explicitly_set.insert(full_name(*spec));
      }
    }
  }

  // A misspelt override would otherwise be silently ignored.
  for (const auto& [name, text] : env) {
    const KeySpec* match = nullptr;
    for (const auto& spec : key_specs()) {
      if (env_name(spec) == name) match = &spec;
    }
    if (!match) {
      for (const auto& spec : key_specs()) {
        std::string prefix = env_name(spec).substr(0, 5 + spec.section.size() + 1);
        if (name.rfind(prefix, 0) == 0) {
          throw ConfigError("environment " + name + ": no such setting (see vmst.example.toml for the keys)");
        }
      }
      continue;
    }
    std::string where = "environment " + name;
    auto value = parse_env_value(match->type, text);
    if (!value) {
      fail(where, full_name(*match), "expected " + std::string(type_name(match->type)) + ", got \"" + text + "\"");
    }
    if (auto problem = match->apply(config, *value); !problem.empty()) fail(where, full_name(*match), problem);
    explicitly_set.insert(full_name(*match));
  }

  if (!explicitly_set.count("federation.allow_http")) {
    config.federation.allow_http = is_loopback_authority(config.instance.domain);
  }
  return config;
}

}  // namespace

std::string Config::base_url() const {
  return std::string(federation.allow_http ? "http://" : "https://") + instance.domain;
}

std::string Config::streaming_url() const {
  if (!http.streaming_url.empty()) return http.streaming_url;
  return std::string(federation.allow_http ? "ws://" : "wss://") + instance.domain;
}

bool is_loopback_authority(std::string_view authority) {
  std::string host;
  std::optional<int> port;
  if (!split_authority(authority, host, port).empty()) return false;
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (host == "localhost" || host == "[::1]") return true;
  // 127.0.0.0/8 in dotted-quad form.
  int parts[4];
  char tail = 0;
  if (std::sscanf(host.c_str(), "%d.%d.%d.%d%c", &parts[0], &parts[1], &parts[2], &parts[3], &tail) == 4) {
    return parts[0] == 127 && std::all_of(parts, parts + 4, [](int p) { return p >= 0 && p <= 255; });
  }
  return false;
}

std::vector<std::string> all_config_keys() {
  std::vector<std::string> keys;
  for (const auto& spec : key_specs()) keys.push_back(full_name(spec));
  return keys;
}

Environment vmst_environment() {
  Environment env;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    if (text.rfind("VMST_", 0) != 0) continue;
    auto eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

Config parse_config(std::string_view toml_text, const std::string& source, const Environment& env) {
  toml::table table;
  try {
    table = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw ConfigError(source + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) +
                      ": not valid TOML: " + std::string(e.description()));
  }
  return build(&table, source, env);
}

Config load_config(const std::optional<std::filesystem::path>& explicit_path, const Environment& env) {
  std::filesystem::path path = explicit_path.value_or("vmst.toml");
  std::error_code ec;
  if (!explicit_path && !std::filesystem::exists(path, ec)) return build(nullptr, "built-in defaults", env);

  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read the config file (does it exist?)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_config(buffer.str(), path.string(), env);
}

}  // namespace vmst::app
