#pragma once
// What remote <math> becomes: Mastodon shows no MathML, only the formula's text annotation.
#include <gumbo.h>

#include <optional>
#include <string>

namespace vmst::text {

// Mastodon's MATH_TRANSFORMER, after FEP-dc88: for <math><semantics>…<annotation encoding="…">…</annotation>
// </semantics></math>, the text of the application/x-tex annotation between "$" (or "$$" when the math has
// display="block"), else the text of the text/plain annotation as it is. nullopt when there is neither; the math
// is then dropped with its content.
std::optional<std::string> math_annotation_text(const GumboNode& math);

}  // namespace vmst::text
