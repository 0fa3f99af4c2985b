#include "services/remote_interaction.hpp"

#include "net/url_encoding.hpp"
#include "services/account_lookup.hpp"
#include "services/service_error.hpp"
#include "text/trim.hpp"

namespace vmst::services {

namespace {

std::string filled_template(const std::string& pattern, const std::string& uri) {
  const std::string encoded = net::percent_encode(uri);
  std::string out;
  size_t from = 0;
  for (size_t at = pattern.find("{uri}"); at != std::string::npos; at = pattern.find("{uri}", from)) {
    out += pattern.substr(from, at - from);
    out += encoded;
    from = at + 5;
  }
  out += pattern.substr(from);
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

bool is_web_address(const std::string& url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

}  // namespace

std::string remote_interaction_url(federation::WebfingerClient& webfinger, const RemoteInteractionTarget& here,
                                   const std::string& raw_handle, const std::string& uri) {
  const std::string handle(text::trim(raw_handle, text::kSpacesTabsAndLineBreaks));
  auto parsed = parse_handle(handle);
  if (!parsed || parsed->domain.empty()) {
    throw ServiceError(ServiceError::Kind::Invalid,
                       "Write your handle with your server, like you@your.server (\"" + handle + "\" is not one).");
  }
  if (parsed->domain == lower(here.local_domain)) {
    return here.local_base + "/authorize_interaction?uri=" + net::percent_encode(uri);
  }
  const std::string full = parsed->username + "@" + parsed->domain;
  std::optional<std::string> pattern;
  try {
    pattern = webfinger.subscribe_template(full);
  } catch (const federation::ResolveError& e) {
    throw ServiceError(ServiceError::Kind::NotFound,
                       "Your account " + full + " could not be found: " + std::string(e.what()));
  }
  if (!pattern) {
    throw ServiceError(ServiceError::Kind::Invalid,
                       parsed->domain + " does not say where to follow or interact from (its WebFinger answer has no "
                       "subscribe template). Search for the address there instead.");
  }
  std::string url = filled_template(*pattern, uri);
  if (!is_web_address(url)) {
    throw ServiceError(ServiceError::Kind::Invalid, parsed->domain + " answered with an unusable interaction address.");
  }
  return url;
}

}  // namespace vmst::services
