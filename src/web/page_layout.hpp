#pragma once
// The frame around every public page: <head> with the title, canonical URL, OpenGraph and Twitter-card tags and
// robots directives, the site header and footer, and the page's body.
#include <string>

namespace vmst::web {

struct SiteInfo {
  std::string title;     // instance.title
  std::string base_url;  // "https://social.example"
};

struct PageMeta {
  std::string title;        // of this page; the site title is appended
  std::string description;  // plain text for <meta name="description"> and og:description
  std::string canonical_url;
  std::string og_type = "website";  // website | profile | article
  std::string image_url;            // og:image; "" for none
  bool large_image = false;         // summary_large_image card instead of summary
  bool noindex = false;             // <meta name="robots" content="noindex, noarchive">
  std::string feed_url;             // <link rel="alternate" type="application/rss+xml">
  std::string activity_url;         // <link rel="alternate" type="application/activity+json">
};

// `body_html` is the rendered page content.
std::string render_page(const SiteInfo& site, const PageMeta& meta, const std::string& body_html);

// At most `max_chars` code points of `text` with whitespace runs folded, an ellipsis when cut: for descriptions.
std::string summary_text(const std::string& text, size_t max_chars = 200);

}  // namespace vmst::web
