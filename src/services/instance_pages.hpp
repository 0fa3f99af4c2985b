#pragma once
// The admin's edits of the instance's Markdown pages (`vmst page`). The API renders them through
// services/instance_info (about -> extended_description, privacy -> privacy_policy, terms -> terms_of_service).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/instance_store.hpp"

namespace vmst::services {

// A page the instance can publish: the name the admin types, the instance_pages slug, the title it gets unless
// one is given.
struct InstancePageKind {
  std::string name;
  std::string slug;
  std::string default_title;
};

// about, privacy, terms, ai-policy, funding, faq.
const std::vector<InstancePageKind>& instance_page_kinds();

// The kind for a name, also accepting its slug and dashed form ("privacy_policy", "privacy-policy"); Invalid naming
// the known pages otherwise.
const InstancePageKind& instance_page_kind(const std::string& name);

inline constexpr size_t kPageMarkdownLimit = 1024 * 1024;  // bytes
inline constexpr size_t kPageTitleLimit = 200;             // characters

// Creates or replaces the page. Invalid for an unknown name, empty or oversized text, text that is not UTF-8, or a
// title over the limit.
store::InstancePage set_instance_page(store::Database& db, const std::string& name, const std::string& markdown,
                                      const std::optional<std::string>& title);

struct InstancePageSummary {
  std::string name;  // as the admin types it; the slug when the page is not one of the known kinds
  store::InstancePage page;
};

std::vector<InstancePageSummary> list_instance_pages(store::Database& db);

// NotFound when the page was never written.
store::InstancePage find_instance_page(store::Database& db, const std::string& name);

// NotFound when the page was never written.
void remove_instance_page(store::Database& db, const std::string& name);

}  // namespace vmst::services
