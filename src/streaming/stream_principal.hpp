#pragma once
// Who is streaming, and the checks the app injects into the streaming server (it wires them to the store).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vmst::streaming {

struct StreamPrincipal {
  int64_t account_id = 0;
  std::vector<std::string> scopes;  // the token's OAuth scopes: "read", "read:statuses", "write", ...
  std::string token = {};           // the access token itself, checked again while its streams stay open

  bool has_any_scope(std::initializer_list<std::string_view> wanted) const;
};

// The account and scopes of a valid user access token; nullopt for an unknown, revoked or app-only token.
using TokenCheck = std::function<std::optional<StreamPrincipal>(const std::string& token)>;
// True when list_id exists and belongs to viewer_account_id.
using OwnsList = std::function<bool(int64_t viewer_account_id, int64_t list_id)>;

inline bool StreamPrincipal::has_any_scope(std::initializer_list<std::string_view> wanted) const {
  for (const auto& scope : scopes) {
    for (auto w : wanted) {
      if (scope == w) return true;
    }
  }
  return false;
}

}  // namespace vmst::streaming
