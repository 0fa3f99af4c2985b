#pragma once
// SQL for what the instance says about itself: rules, Markdown pages, its contact, the servers it knows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace vmst::store {

struct InstanceRule {
  int64_t id = 0;
  std::string text;
  std::string hint;
};

// In display order.
std::vector<InstanceRule> instance_rules(Connection& c);

struct InstancePage {
  std::string slug;  // about | privacy_policy | terms_of_service ...
  std::string title;
  std::string markdown;
  int64_t updated_at = 0;
};

std::optional<InstancePage> find_instance_page(Connection& c, const std::string& slug);

// The account of the first admin who can still sign in (oldest first): the instance's public contact.
std::optional<int64_t> first_admin_account_id(Connection& c);

// Every other server we know of (from accounts and delivery), except blocked ones and their subdomains, sorted.
std::vector<std::string> known_peer_domains(Connection& c);

}  // namespace vmst::store
