#include "convert/mastodon/application.hpp"

#include <sstream>
#include <string>
#include <vector>

namespace vmst::convert::mastodon {

namespace {
// The stored lists are already validated: scopes space separated, redirect URIs one per line.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string word;
  while (in >> word) out.push_back(word);
  return out;
}
}  // namespace

nlohmann::json application_summary_json(const store::ApplicationRecord& app) {
  return {{"name", app.name}, {"website", app.website ? nlohmann::json(*app.website) : nlohmann::json(nullptr)}};
}

nlohmann::json application_json(const store::ApplicationRecord& app) {
  auto json = application_summary_json(app);
  json["id"] = std::to_string(app.id);
  json["scopes"] = split_words(app.scopes);
  // redirect_uri is deprecated (4.3) but older clients read it: the stored text, several URIs newline separated.
  json["redirect_uri"] = app.redirect_uris;
  json["redirect_uris"] = split_words(app.redirect_uris);
  // Web Push is not offered yet; Elk reads the key as a fallback and copes with an empty one.
  json["vapid_key"] = "";
  return json;
}

nlohmann::json credential_application_json(const store::ApplicationRecord& app) {
  auto json = application_json(app);
  json["client_id"] = app.client_id;
  json["client_secret"] = app.client_secret;
  json["client_secret_expires_at"] = 0;
  return json;
}

}  // namespace vmst::convert::mastodon
