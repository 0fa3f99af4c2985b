#pragma once
// Maps (method, path) to a handler. Patterns are segments, literal or ":name" (e.g. "/api/v1/accounts/:id"); a
// last segment "*name" takes the rest of the path (one or more segments, joined with "/").
// Matching walks segments instead of cpp-httplib's one std::regex per route, tolerates trailing slashes
// (Mastodon.py asks for /api/v1/instance/), and tells "no such path" from "path exists, method does not".
#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmst::http {

enum class Method { Get, Post, Put, Patch, Delete, Options };

class PathParams {
 public:
  void add(std::string name, std::string value) { values_.emplace_back(std::move(name), std::move(value)); }
  // The value of :name, or "" when the pattern has no such segment.
  const std::string& get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

using Handler = std::function<void(const httplib::Request&, httplib::Response&, const PathParams&)>;

class Router {
 public:
  // Throws std::invalid_argument for a malformed pattern or a duplicate route (a programming error).
  void add(Method method, std::string_view pattern, Handler handler);

  enum class Outcome { Found, NotFound, MethodNotAllowed };
  struct Match {
    Outcome outcome = Outcome::NotFound;
    const Handler* handler = nullptr;
    PathParams params;
  };
  Match match(Method method, std::string_view path) const;

 private:
  struct Route {
    Method method;
    std::vector<std::string> segments;  // ":name" marks a parameter
    Handler handler;
  };
  std::vector<Route> routes_;
};

std::vector<std::string_view> split_path(std::string_view path);
std::optional<Method> parse_method(std::string_view method);

}  // namespace vmst::http
