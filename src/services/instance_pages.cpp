#include "services/instance_pages.hpp"

#include <algorithm>

#include "services/instance_info.hpp"
#include "services/media.hpp"
#include "services/service_error.hpp"
#include "store/instance_page_store.hpp"
#include "text/status_text_trim.hpp"
#include "text/utf8_validation.hpp"
#include "time/timestamps.hpp"

namespace vmst::services {

namespace {

using Kind = ServiceError::Kind;

std::string dashed(std::string name) {
  std::replace(name.begin(), name.end(), '_', '-');
  return name;
}

[[noreturn]] void never_written(const InstancePageKind& kind) {
  throw ServiceError(Kind::NotFound, "the " + kind.name + " page is not set (see `vmst page list`)");
}

}  // namespace

const std::vector<InstancePageKind>& instance_page_kinds() {
  static const std::vector<InstancePageKind> kinds = {
      {"about", kAboutPage, "About"},
      {"privacy", kPrivacyPolicyPage, "Privacy policy"},
      {"terms", kTermsOfServicePage, "Terms of service"},
      {"ai-policy", "ai_policy", "AI policy"},
      {"funding", "funding", "Funding"},
      {"faq", "faq", "FAQ"},
  };
  return kinds;
}

const InstancePageKind& instance_page_kind(const std::string& name) {
  for (const auto& kind : instance_page_kinds()) {
    if (name == kind.name || name == kind.slug || dashed(name) == dashed(kind.slug)) return kind;
  }
  std::string known;
  for (const auto& kind : instance_page_kinds()) known += (known.empty() ? "" : ", ") + kind.name;
  throw ServiceError(Kind::Invalid, "unknown page \"" + name + "\" (pages: " + known + ")");
}

store::InstancePage set_instance_page(store::Database& db, const std::string& name, const std::string& markdown,
                                      const std::optional<std::string>& title) {
  const auto& kind = instance_page_kind(name);
  if (text::strip_status_text(markdown).empty()) throw ServiceError(Kind::Invalid, "the page text is empty");
  if (markdown.size() > kPageMarkdownLimit) {
    throw ServiceError(Kind::Invalid, "the page text is too long (" + std::to_string(markdown.size()) +
                                          " bytes; at most " + std::to_string(kPageMarkdownLimit) + ")");
  }
  if (!text::is_valid_utf8_text(markdown)) throw ServiceError(Kind::Invalid, "the page text is not UTF-8 text");
  store::InstancePage page{kind.slug, title ? std::string(text::strip_status_text(*title)) : kind.default_title,
                           markdown, now_millis()};
  if (page.title.empty()) throw ServiceError(Kind::Invalid, "the title is blank");
  if (!text::is_valid_utf8_text(page.title)) throw ServiceError(Kind::Invalid, "the title is not UTF-8 text");
  if (character_count(page.title) > kPageTitleLimit) {
    throw ServiceError(Kind::Invalid, "the title is too long (at most " + std::to_string(kPageTitleLimit) +
                                          " characters)");
  }
  db.write([&](store::Connection& c) { store::upsert_instance_page(c, page); });
  return page;
}

std::vector<InstancePageSummary> list_instance_pages(store::Database& db) {
  auto pages = db.read([](store::Connection& c) { return store::all_instance_pages(c); });
  std::vector<InstancePageSummary> out;
  for (auto& page : pages) {
    std::string name = page.slug;
    for (const auto& kind : instance_page_kinds()) {
      if (kind.slug == page.slug) name = kind.name;
    }
    out.push_back({name, std::move(page)});
  }
  return out;
}

store::InstancePage find_instance_page(store::Database& db, const std::string& name) {
  const auto& kind = instance_page_kind(name);
  auto page = db.read([&](store::Connection& c) { return store::find_instance_page(c, kind.slug); });
  if (!page) never_written(kind);
  return *page;
}

void remove_instance_page(store::Database& db, const std::string& name) {
  const auto& kind = instance_page_kind(name);
  bool removed = db.write([&](store::Connection& c) { return store::delete_instance_page(c, kind.slug); });
  if (!removed) never_written(kind);
}

}  // namespace vmst::services
