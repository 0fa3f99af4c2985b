#pragma once
// Instance v1 (GET /api/v1/instance) and v2 (GET /api/v2/instance) as client-api.md §1.1 and §3 describe them.
// Every documented key is present: Tusky fails on a missing one, Mastodon.py 1.8 reads `version` in its
// constructor, Elk and Phanpy need `configuration.urls.streaming` for live updates.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "federation/local_urls.hpp"
#include "store/account_store.hpp"
#include "store/instance_stats_store.hpp"
#include "store/instance_store.hpp"

namespace vmst::convert::mastodon {

struct InstanceView {
  std::string domain;             // bare authority, "social.example" (v1 `uri`, v2 `domain`)
  std::string title;
  std::string short_description;  // plain text
  std::string contact_email;      // "" when none
  std::string registrations;      // open | approval | closed
  std::string version;            // "4.3.0 (compatible; vmst X.Y.Z)"
  std::string streaming_url;      // ws(s)://host, no path
  int64_t image_size_limit = 0;
  int64_t image_matrix_limit = 0;
  int64_t video_size_limit = 0;
  std::vector<std::string> supported_mime_types;
  store::UsageCounts usage;
  std::vector<store::InstanceRule> rules;
  std::optional<store::AccountRecord> contact_account;
  bool has_privacy_policy = false;
  bool has_terms_of_service = false;
};

// "4.3.0 (compatible; vmst 0.1.0)": every parser clients use takes the leading Mastodon version (§1.1); never
// "4.3.0+vmst", which Mastodon.py 1.8 would read as the version after the "+".
std::string compatible_version_string(const std::string& mastodon_version, const std::string& our_version);

nlohmann::json instance_v1_json(const InstanceView& instance, const federation::LocalUrls& urls);
nlohmann::json instance_v2_json(const InstanceView& instance, const federation::LocalUrls& urls);

// Rule {id, text, hint}.
nlohmann::json rule_json(const store::InstanceRule& rule);

}  // namespace vmst::convert::mastodon
