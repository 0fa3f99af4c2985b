#pragma once
// Reading the nodes of a gumbo parse tree.
#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>

namespace vmst::text {

bool is_element(const GumboNode& node);  // an element or a <template>
bool is_html_element(const GumboNode& node, GumboTag tag);
// Compares the element's tag name ASCII-case-insensitively, also for names gumbo has no GumboTag for (such as
// MathML's <semantics>), whatever the element's namespace.
bool has_tag_name(const GumboNode& element, std::string_view lowercase_name);
// Empty for nodes that are not elements.
const GumboVector& child_nodes(const GumboNode& node);
const GumboNode& node_at(const GumboVector& nodes, unsigned index);
std::optional<std::string_view> attribute_value(const GumboNode& element, std::string_view name);
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);

// The text of the node and its descendants, in document order, leaving out the subtrees of elements for which
// `skip_subtree` returns true. Iterative, so nesting depth costs no stack.
std::string text_content(const GumboNode& node, bool (*skip_subtree)(const GumboNode& element) = nullptr);

}  // namespace vmst::text
