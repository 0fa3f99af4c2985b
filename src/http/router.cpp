#include "http/router.hpp"

#include <optional>
#include <stdexcept>

namespace vmst::http {

const std::string& PathParams::get(std::string_view name) const {
  static const std::string empty;
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return empty;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));  // empty segments (//, trailing /) vanish
    start = end + 1;
  }
  return out;
}

std::optional<Method> parse_method(std::string_view method) {
  if (method == "GET" || method == "HEAD") return Method::Get;
  if (method == "POST") return Method::Post;
  if (method == "PUT") return Method::Put;
  if (method == "PATCH") return Method::Patch;
  if (method == "DELETE") return Method::Delete;
  if (method == "OPTIONS") return Method::Options;
  return std::nullopt;
}

void Router::add(Method method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern.front() != '/') throw std::invalid_argument("route pattern must start with /");
  Route route{method, {}, std::move(handler)};
  for (auto segment : split_path(pattern)) {
    if (segment == ":" || segment == "*") {
      throw std::invalid_argument("route parameter without a name in " + std::string(pattern));
    }
    if (!route.segments.empty() && route.segments.back().front() == '*') {
      throw std::invalid_argument("a *rest segment must come last in " + std::string(pattern));
    }
    route.segments.emplace_back(segment);
  }
  // Parameter names do not matter for ambiguity: /a/:id and /a/:other match the same paths.
  auto same_shape = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      bool a_param = a[i].front() == ':' || a[i].front() == '*';
      bool b_param = b[i].front() == ':' || b[i].front() == '*';
      if (a_param != b_param || (!a_param && a[i] != b[i])) return false;
    }
    return true;
  };
  for (const auto& existing : routes_) {
    if (existing.method == method && same_shape(existing.segments, route.segments)) {
      throw std::invalid_argument("duplicate route " + std::string(pattern));
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  const auto segments = split_path(path);
  int best_literals = -1;
  for (const auto& route : routes_) {
    const bool rest = !route.segments.empty() && route.segments.back().front() == '*';
    if (rest ? segments.size() < route.segments.size() : route.segments.size() != segments.size()) continue;
    PathParams params;
    bool matched = true;
    int literals = 0;
    for (size_t i = 0; i < route.segments.size() && matched; ++i) {
      const auto& want = route.segments[i];
      if (want.front() == '*') {
        std::string joined;
        for (size_t j = i; j < segments.size(); ++j) {
          if (j > i) joined += '/';
          joined.append(segments[j]);
        }
        params.add(want.substr(1), joined);
      } else if (want.front() == ':') {
        params.add(want.substr(1), std::string(segments[i]));
      } else {
        matched = want == segments[i];
        ++literals;
      }
    }
    if (!matched) continue;
    if (route.method != method) {
      if (result.outcome == Outcome::NotFound) result.outcome = Outcome::MethodNotAllowed;
      continue;
    }
    // The most specific route wins: /accounts/lookup over /accounts/:id, whatever the order of registration.
    if (literals > best_literals) {
      best_literals = literals;
      result.outcome = Outcome::Found;
      result.handler = &route.handler;
      result.params = std::move(params);
    }
  }
  return result;
}

}  // namespace vmst::http
