// html_to_plain_text, declared in html_sanitizer.hpp.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "text/gumbo_nodes.hpp"
#include "text/html_sanitizer.hpp"
#include "text/mastodon_strict_policy.hpp"
#include "text/math_annotation.hpp"
#include "text/remote_html_input.hpp"
#include "text/unicode_cleanup.hpp"

namespace vmst::text {
namespace {

using mastodon_strict::Treatment;

// Mastodon's PlainTextFormatter only breaks lines at <br> and </p>, which runs list items and headings into
// the words around them; every block element separates lines here.
constexpr std::array kBlockTags = {
    GUMBO_TAG_P,        GUMBO_TAG_DIV,    GUMBO_TAG_LI,      GUMBO_TAG_UL,         GUMBO_TAG_OL,
    GUMBO_TAG_DL,       GUMBO_TAG_DT,     GUMBO_TAG_DD,      GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,
    GUMBO_TAG_LISTING,  GUMBO_TAG_H1,     GUMBO_TAG_H2,      GUMBO_TAG_H3,         GUMBO_TAG_H4,
    GUMBO_TAG_H5,       GUMBO_TAG_H6,     GUMBO_TAG_HGROUP,  GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE,
    GUMBO_TAG_ASIDE,    GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER,  GUMBO_TAG_NAV,        GUMBO_TAG_SECTION,
    GUMBO_TAG_MAIN,     GUMBO_TAG_HR,     GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_TABLE,
    GUMBO_TAG_CAPTION,  GUMBO_TAG_TR,     GUMBO_TAG_TD,      GUMBO_TAG_TH,         GUMBO_TAG_FORM,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_LEGEND, GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY,    GUMBO_TAG_CENTER,
    GUMBO_TAG_MENU,     GUMBO_TAG_DIR};

constexpr auto kIsBlockTag = [] {
  std::array<bool, GUMBO_TAG_LAST + 1> is_block{};
  for (GumboTag tag : kBlockTags) is_block[tag] = true;
  return is_block;
}();

// Line breaks are held back until more text follows, so that runs of them collapse into one (as Mastodon's
// formatter does for "<br><br>") and the text neither starts nor ends with one.
class PlainTextWriter {
 public:
  std::string write(const GumboVector& nodes) {
    open_.push_back({&nodes, false});
    while (!open_.empty()) {
      OpenNode& current = open_.back();
      if (current.next_child == current.children->length) {
        if (current.is_block) break_pending_ = true;
        open_.pop_back();
        continue;
      }
      write_node(node_at(*current.children, current.next_child++));  // may push: `current` is not used after
    }
    return std::move(out_);
  }

 private:
  struct OpenNode {
    const GumboVector* children;
    bool is_block;
    unsigned next_child = 0;
  };

  void write_node(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        write_text(node.v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        // Whitespace between blocks is source formatting, not text.
        if (!break_pending_ && !out_.empty()) write_text(node.v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        write_element(node);
        return;
      case GUMBO_NODE_COMMENT:
      case GUMBO_NODE_DOCUMENT:
        return;
    }
  }

  void write_element(const GumboNode& element) {
    switch (mastodon_strict::treatment_of(element)) {
      case Treatment::drop:
        return;
      case Treatment::math:
        if (const auto text = math_annotation_text(element)) write_text(*text);
        return;
      default:
        break;
    }
    const GumboTag tag = element.v.element.tag;
    if (tag == GUMBO_TAG_BR) {
      break_pending_ = true;
      return;
    }
    const bool block = kIsBlockTag[tag];
    if (block) break_pending_ = true;
    open_.push_back({&element.v.element.children, block});
  }

  void write_text(std::string_view text) {
    if (text.empty()) return;
    if (break_pending_ && !out_.empty()) out_ += '\n';
    break_pending_ = false;
    append_clean_utf8(out_, text);
  }

  std::vector<OpenNode> open_;
  bool break_pending_ = false;
  std::string out_;
};

}  // namespace

std::string html_to_plain_text(std::string_view html) {
  const ParsedHtmlFragment fragment = parse_remote_html(html);
  return PlainTextWriter().write(fragment.nodes());
}

}  // namespace vmst::text
