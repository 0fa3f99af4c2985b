#include "text/math_annotation.hpp"

#include <string_view>

#include "text/gumbo_nodes.hpp"

namespace vmst::text {
namespace {

bool is_mathml(const GumboNode& node, std::string_view name) {
  return is_element(node) && node.v.element.tag_namespace == GUMBO_NAMESPACE_MATHML && has_tag_name(node, name);
}

const GumboNode* first_element_child(const GumboNode& node) {
  const GumboVector& children = child_nodes(node);
  for (unsigned i = 0; i < children.length; ++i) {
    if (is_element(node_at(children, i))) return &node_at(children, i);
  }
  return nullptr;
}

const GumboNode* annotation_with_encoding(const GumboNode& semantics, std::string_view encoding) {
  const GumboVector& children = child_nodes(semantics);
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode& child = node_at(children, i);
    if (is_mathml(child, "annotation") && attribute_value(child, "encoding") == encoding) return &child;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> math_annotation_text(const GumboNode& math) {
  const GumboNode* semantics = first_element_child(math);
  if (semantics == nullptr || !is_mathml(*semantics, "semantics")) return std::nullopt;

  if (const GumboNode* tex = annotation_with_encoding(*semantics, "application/x-tex")) {
    const std::string_view delimiter = attribute_value(math, "display") == "block" ? "$$" : "$";
    std::string text(delimiter);
    text += text_content(*tex);
    text += delimiter;
    return text;
  }
  if (const GumboNode* plain = annotation_with_encoding(*semantics, "text/plain")) return text_content(*plain);
  return std::nullopt;
}

}  // namespace vmst::text
