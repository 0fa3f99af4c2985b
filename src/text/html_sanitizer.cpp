#include "text/html_sanitizer.hpp"

#include <string>
#include <vector>

#include "text/gumbo_nodes.hpp"
#include "text/html_output.hpp"
#include "text/mastodon_strict_policy.hpp"
#include "text/math_annotation.hpp"
#include "text/remote_html_input.hpp"
#include "text/remote_link_protocols.hpp"
#include "text/unicode_cleanup.hpp"

namespace vmst::text {
namespace {

namespace strict = mastodon_strict;
using strict::Treatment;

// Elements nested deeper than this are written as their content only. Nothing legitimate nests that deep, and it
// bounds the work of whoever parses the output (Nokogiri's gumbo refuses trees deeper than 400).
constexpr std::size_t kMaxOutputDepth = 256;

bool leaves_no_text(const GumboNode& element) {
  const Treatment treatment = strict::treatment_of(element);
  return treatment == Treatment::drop || treatment == Treatment::math;
}

bool has_allowed_link(const GumboNode& anchor) {
  const auto href = attribute_value(anchor, "href");
  // Judged as it will be written: cleaning can remove characters, which must not turn a non-link into a link.
  return href.has_value() && is_allowed_remote_link(clean_utf8(*href));
}

// Walks the tree with an explicit stack (nesting depth costs heap, not call stack) and writes what Mastodon's
// strict config keeps.
class StrictHtmlWriter {
 public:
  std::string write(const GumboVector& nodes) {
    open_.push_back({&nodes});
    while (!open_.empty()) {
      OpenNode& current = open_.back();
      if (current.next_child == current.children->length) {
        finish(current);
        open_.pop_back();
        continue;
      }
      write_node(node_at(*current.children, current.next_child++));  // may push: `current` is not used after
    }
    return output_.take();
  }

 private:
  struct OpenNode {
    const GumboVector* children;
    unsigned elements_to_close = 0;  // output elements this node opened
    bool space_after = false;
    unsigned next_child = 0;
  };

  void finish(const OpenNode& node) {
    for (unsigned i = 0; i < node.elements_to_close; ++i) output_.close();
    if (node.space_after) output_.text(" ");
  }

  bool can_open(GumboTag tag) const { return output_.open_elements() < kMaxOutputDepth && output_.can_open(tag); }

  void write_node(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        output_.text(node.v.text.text);
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
    const GumboVector& children = element.v.element.children;
    switch (strict::treatment_of(element)) {
      case Treatment::drop:
        return;
      case Treatment::math:
        if (const auto text = math_annotation_text(element)) output_.text(*text);
        return;
      case Treatment::unwrap:
        open_.push_back({&children});
        return;
      case Treatment::unwrap_in_spaces:
        // As Sanitize does it: a space before, and one after unless the element was empty.
        output_.text(" ");
        open_.push_back({&children, 0, children.length > 0});
        return;
      case Treatment::heading:
        write_heading(element);
        return;
      case Treatment::keep:
        write_kept_element(element);
        return;
    }
  }

  // Mastodon writes headings as <p><strong>; where a paragraph cannot start, the strong text stays.
  void write_heading(const GumboNode& heading) {
    unsigned opened = 0;
    if (can_open(GUMBO_TAG_P)) {
      output_.start_tag(GUMBO_TAG_P);
      output_.end_start_tag();
      ++opened;
    }
    if (can_open(GUMBO_TAG_STRONG)) {
      output_.start_tag(GUMBO_TAG_STRONG);
      write_attributes(heading, GUMBO_TAG_STRONG);
      output_.end_start_tag();
      ++opened;
    }
    open_.push_back({&heading.v.element.children, opened});
  }

  void write_kept_element(const GumboNode& element) {
    const GumboTag tag = element.v.element.tag;
    if (tag == GUMBO_TAG_A && !has_allowed_link(element)) {
      // Mastodon replaces the link with a text node of its text, markup inside included.
      output_.text(text_content(element, &leaves_no_text));
      return;
    }
    if (tag == GUMBO_TAG_BR) {
      output_.start_tag(tag);
      write_attributes(element, tag);
      output_.end_start_tag();
      return;
    }
    if (!can_open(tag)) {
      open_.push_back({&element.v.element.children});
      return;
    }
    output_.start_tag(tag);
    write_attributes(element, tag);
    output_.end_start_tag();
    open_.push_back({&element.v.element.children, 1});
  }

  void write_attributes(const GumboNode& element, GumboTag written_tag) {
    bool wrote_rel = false;
    const GumboVector& attributes = element.v.element.attributes;
    for (unsigned i = 0; i < attributes.length; ++i) {
      const auto& attribute = *static_cast<const GumboAttribute*>(attributes.data[i]);
      const std::string_view name = attribute.name;
      const std::string_view value = attribute.value;
      if (!strict::allows_attribute(written_tag, name)) continue;
      if (equals_ignoring_ascii_case(name, "class")) {
        const std::string classes = strict::allowed_classes(value);
        if (!classes.empty()) output_.attribute(name, classes);
      } else if (equals_ignoring_ascii_case(name, "translate")) {
        if (strict::allows_translate_value(value)) output_.attribute(name, value);
      } else if (equals_ignoring_ascii_case(name, "rel")) {
        output_.attribute(name, strict::kLinkRel);  // in place, as Sanitize's add_attributes does
        wrote_rel = true;
      } else {
        output_.attribute(name, value);
      }
    }
    if (written_tag == GUMBO_TAG_A) {
      if (!wrote_rel) output_.attribute("rel", strict::kLinkRel);
      output_.attribute("target", strict::kLinkTarget);
    }
  }

  std::vector<OpenNode> open_;
  HtmlOutput output_;
};

}  // namespace

std::string sanitize_remote_html(std::string_view html) {
  const ParsedHtmlFragment fragment = parse_remote_html(html);
  return StrictHtmlWriter().write(fragment.nodes());
}

}  // namespace vmst::text
