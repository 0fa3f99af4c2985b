#include "services/instance_info.hpp"

#include "services/discovery.hpp"
#include "services/instance_contact.hpp"
#include "services/instance_description.hpp"
#include "text/markdown.hpp"

namespace vmst::services {

InstanceRecords load_instance_records(store::Database& db) {
  InstanceRecords records;
  records.usage = usage_counts(db);
  db.read([&](store::Connection& c) {
    records.rules = store::instance_rules(c);
    auto contact = instance_contact(c, "");
    records.contact_account = std::move(contact.account);
    if (contact.email_chosen) records.contact_email = std::move(contact.email);
    records.short_description = instance_description(c);
    records.has_privacy_policy = store::find_instance_page(c, kPrivacyPolicyPage).has_value();
    records.has_terms_of_service = store::find_instance_page(c, kTermsOfServicePage).has_value();
  });
  return records;
}

std::vector<store::InstanceRule> instance_rules(store::Database& db) {
  return db.read([](store::Connection& c) { return store::instance_rules(c); });
}

std::vector<std::string> instance_peers(store::Database& db) {
  return db.read([](store::Connection& c) { return store::known_peer_domains(c); });
}

std::vector<store::PublicDomainBlock> public_domain_blocks(store::Database& db) {
  return db.read([](store::Connection& c) { return store::user_facing_domain_blocks(c); });
}

std::optional<RenderedPage> instance_page(store::Database& db, const std::string& slug, const std::string& domain) {
  auto page = db.read([&](store::Connection& c) { return store::find_instance_page(c, slug); });
  if (!page) return std::nullopt;
  std::string markdown = page->markdown;
  static const std::string kPlaceholder = "%{domain}";
  for (size_t at = markdown.find(kPlaceholder); at != std::string::npos;
       at = markdown.find(kPlaceholder, at + domain.size())) {
    markdown.replace(at, kPlaceholder.size(), domain);
  }
  return RenderedPage{text::markdown_to_html(markdown), page->updated_at};
}

}  // namespace vmst::services
