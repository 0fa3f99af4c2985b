#pragma once
// The one error type that leaves the domain layer. http/ maps each kind to a status code once
// (http/error_responses.cpp); the CLI prints the message and exits non-zero.
#include <stdexcept>
#include <string>

namespace vmst::services {

class ServiceError : public std::runtime_error {
 public:
  enum class Kind {
    Invalid,      // the input breaks a rule (422)
    NotFound,     // no such thing, or not visible to the caller (404)
    Forbidden,    // known, but the caller may not (403)
    Conflict,     // already exists / state does not allow it (409, or 422 where Mastodon says so)
    Unavailable,  // a dependency is down or busy; retry later (503)
  };
  ServiceError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace vmst::services
