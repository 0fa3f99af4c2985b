#include "text/gumbo_nodes.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace vmst::text {
namespace {

constexpr GumboVector kNoChildren = {nullptr, 0, 0};

char ascii_lower(char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch; }

bool is_text(const GumboNode& node) {
  return node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE || node.type == GUMBO_NODE_CDATA;
}

}  // namespace

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool is_element(const GumboNode& node) { return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE; }

bool is_html_element(const GumboNode& node, GumboTag tag) {
  return is_element(node) && node.v.element.tag_namespace == GUMBO_NAMESPACE_HTML && node.v.element.tag == tag;
}

bool has_tag_name(const GumboNode& element, std::string_view lowercase_name) {
  if (!is_element(element)) return false;
  if (element.v.element.tag != GUMBO_TAG_UNKNOWN) {
    return equals_ignoring_ascii_case(gumbo_normalized_tagname(element.v.element.tag), lowercase_name);
  }
  // Unknown tags keep only their source text ("<semantics foo=1>"); gumbo cuts it down to the name.
  GumboStringPiece name = element.v.element.original_tag;
  if (name.data == nullptr) return false;
  gumbo_tag_from_original_text(&name);
  return equals_ignoring_ascii_case(std::string_view(name.data, name.length), lowercase_name);
}

const GumboVector& child_nodes(const GumboNode& node) {
  return is_element(node) ? node.v.element.children : kNoChildren;
}

const GumboNode& node_at(const GumboVector& nodes, unsigned index) {
  return *static_cast<const GumboNode*>(nodes.data[index]);
}

std::optional<std::string_view> attribute_value(const GumboNode& element, std::string_view name) {
  if (!is_element(element)) return std::nullopt;
  const GumboVector& attributes = element.v.element.attributes;
  for (unsigned i = 0; i < attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(attributes.data[i]);
    if (equals_ignoring_ascii_case(attribute->name, name)) return std::string_view(attribute->value);
  }
  return std::nullopt;
}

std::string text_content(const GumboNode& node, bool (*skip_subtree)(const GumboNode& element)) {
  if (is_text(node)) return node.v.text.text;
  std::string text;
  std::vector<std::pair<const GumboVector*, unsigned>> pending{{&child_nodes(node), 0}};
  while (!pending.empty()) {
    auto& [children, next] = pending.back();
    if (next == children->length) {
      pending.pop_back();
      continue;
    }
    const GumboNode& child = node_at(*children, next++);
    if (is_text(child)) {
      text += child.v.text.text;
    } else if (is_element(child) && (skip_subtree == nullptr || !skip_subtree(child))) {
      pending.emplace_back(&child_nodes(child), 0);  // invalidates `children` and `next`; both are done with
    }
  }
  return text;
}

}  // namespace vmst::text
