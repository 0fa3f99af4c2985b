#include "services/oauth_error.hpp"

namespace vmst::services {

namespace {
std::string description_or_default(OAuthError::Code code, const std::string& description) {
  return description.empty() ? std::string(oauth_error_description(code)) : description;
}
}  // namespace

OAuthError::OAuthError(Code code, const std::string& description)
    : std::runtime_error(description_or_default(code, description)), code_(code) {}

std::string_view oauth_error_name(OAuthError::Code code) {
  using Code = OAuthError::Code;
  switch (code) {
    case Code::InvalidRequest: return "invalid_request";
    case Code::InvalidClient: return "invalid_client";
    case Code::InvalidGrant: return "invalid_grant";
    case Code::UnauthorizedClient: return "unauthorized_client";
    case Code::UnsupportedGrantType: return "unsupported_grant_type";
    case Code::UnsupportedResponseType: return "unsupported_response_type";
    case Code::InvalidScope: return "invalid_scope";
    case Code::AccessDenied: return "access_denied";
  }
  return "invalid_request";
}

std::string_view oauth_error_description(OAuthError::Code code) {
  using Code = OAuthError::Code;
  switch (code) {
    case Code::InvalidRequest:
      return "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise "
             "malformed.";
    case Code::InvalidClient:
      return "Client authentication failed due to unknown client, no client authentication included, or unsupported "
             "authentication method.";
    case Code::InvalidGrant:
      return "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used "
             "in the authorization request, or was issued to another client.";
    case Code::UnauthorizedClient: return "The client is not authorized to perform this request using this method.";
    case Code::UnsupportedGrantType: return "The authorization grant type is not supported by the authorization server.";
    case Code::UnsupportedResponseType: return "The authorization server does not support this response type.";
    case Code::InvalidScope: return "The requested scope is invalid, unknown, or malformed.";
    case Code::AccessDenied: return "The resource owner or authorization server denied the request.";
  }
  return "";
}

}  // namespace vmst::services
