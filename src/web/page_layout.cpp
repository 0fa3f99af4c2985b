#include "web/page_layout.hpp"

#include <cctype>

#include "web/page_templates.hpp"

namespace vmst::web {

std::string render_page(const SiteInfo& site, const PageMeta& meta, const std::string& body_html) {
  TemplateData data;
  data.set("site_title", site.title);
  data.set("base_url", site.base_url);
  data.set("title", meta.title.empty() ? site.title : meta.title + " - " + site.title);
  data.set("og_title", meta.title.empty() ? site.title : meta.title);
  data.set("description", text_or_false(meta.description));
  data.set("canonical_url", text_or_false(meta.canonical_url));
  data.set("og_type", meta.og_type);
  data.set("image_url", text_or_false(meta.image_url));
  data.set("twitter_card", meta.large_image ? "summary_large_image" : "summary");
  data.set("noindex", meta.noindex);
  data.set("feed_url", text_or_false(meta.feed_url));
  data.set("activity_url", text_or_false(meta.activity_url));
  data.set("body", body_html);
  return render_template("layout", data);
}

std::string summary_text(const std::string& text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(text[i]);
    if (std::isspace(ch)) {
      space = !out.empty();
      continue;
    }
    // Count code points: continuation bytes do not start one.
    if ((ch & 0xC0) != 0x80) {
      if (chars + (space ? 1 : 0) >= max_chars) {
        out += "…";
        return out;
      }
      if (space) {
        out += ' ';
        ++chars;
        space = false;
      }
      ++chars;
    }
    out += static_cast<char>(ch);
  }
  return out;
}

}  // namespace vmst::web
