#pragma once
// What the instance endpoints publish about this server, read from the database: counts (the same ones NodeInfo
// shows, from services::usage_counts), rules, the contact admin, Markdown pages, peers and domain blocks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/database.hpp"
#include "store/domain_block_store.hpp"
#include "store/instance_stats_store.hpp"
#include "store/instance_store.hpp"

namespace vmst::services {

struct InstanceRecords {
  store::UsageCounts usage;
  std::vector<store::InstanceRule> rules;
  std::optional<store::AccountRecord> contact_account;  // the one `vmst instance contact` chose, else the first admin
  std::optional<std::string> contact_email;              // set by `vmst instance contact`; else the config's
  std::string short_description;                          // `vmst instance description`, plain text
  bool has_privacy_policy = false;
  bool has_terms_of_service = false;
};

InstanceRecords load_instance_records(store::Database& db);

std::vector<store::InstanceRule> instance_rules(store::Database& db);

// Known servers, blocked ones left out (GET /api/v1/instance/peers).
std::vector<std::string> instance_peers(store::Database& db);

std::vector<store::PublicDomainBlock> public_domain_blocks(store::Database& db);

// Slugs of instance_pages rows.
inline constexpr const char* kAboutPage = "about";
inline constexpr const char* kPrivacyPolicyPage = "privacy_policy";
inline constexpr const char* kTermsOfServicePage = "terms_of_service";

struct RenderedPage {
  std::string html;
  int64_t updated_at = 0;
};

// The page as HTML, with "%{domain}" (the placeholder Mastodon's page templates use) replaced; nullopt when the
// page was never written.
std::optional<RenderedPage> instance_page(store::Database& db, const std::string& slug, const std::string& domain);

}  // namespace vmst::services
