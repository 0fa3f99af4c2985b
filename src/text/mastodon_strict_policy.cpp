#include "text/mastodon_strict_policy.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "text/gumbo_nodes.hpp"

namespace vmst::text::mastodon_strict {
namespace {

constexpr std::array kKeptTags = {GUMBO_TAG_P,      GUMBO_TAG_BR,  GUMBO_TAG_SPAN,       GUMBO_TAG_A,    GUMBO_TAG_DEL,
                                  GUMBO_TAG_S,      GUMBO_TAG_PRE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CODE, GUMBO_TAG_B,
                                  GUMBO_TAG_STRONG, GUMBO_TAG_U,   GUMBO_TAG_I,          GUMBO_TAG_EM,   GUMBO_TAG_UL,
                                  GUMBO_TAG_OL,     GUMBO_TAG_LI,  GUMBO_TAG_RUBY,       GUMBO_TAG_RT,   GUMBO_TAG_RP};

constexpr std::array kHeadingTags = {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
                                     GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6};

// Sanitize's default remove_contents (iframe math noembed noframes noscript plaintext script style svg xmp), plus
// elements whose content is never meant as text: templates, embedded objects, frames and titles.
constexpr std::array kDroppedTags = {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,     GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,
                                     GUMBO_TAG_FRAME,  GUMBO_TAG_FRAMESET,  GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,
                                     GUMBO_TAG_APPLET, GUMBO_TAG_NOSCRIPT,  GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES,
                                     GUMBO_TAG_XMP,    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_TITLE,    GUMBO_TAG_SVG,
                                     GUMBO_TAG_MATH};

// Sanitize's default whitespace_elements, less those Mastodon keeps or turns into paragraphs.
constexpr std::array kSpacedTags = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,  GUMBO_TAG_DD, GUMBO_TAG_DIV, GUMBO_TAG_DL,     GUMBO_TAG_DT,
    GUMBO_TAG_FOOTER,  GUMBO_TAG_HEADER,  GUMBO_TAG_HGROUP, GUMBO_TAG_HR, GUMBO_TAG_NAV, GUMBO_TAG_SECTION};

// Looked up once per element, so a table indexed by tag.
constexpr auto kTreatmentOfTag = [] {
  std::array<Treatment, GUMBO_TAG_LAST + 1> treatments{};
  treatments.fill(Treatment::unwrap);
  for (GumboTag tag : kSpacedTags) treatments[tag] = Treatment::unwrap_in_spaces;
  for (GumboTag tag : kDroppedTags) treatments[tag] = Treatment::drop;
  for (GumboTag tag : kHeadingTags) treatments[tag] = Treatment::heading;
  for (GumboTag tag : kKeptTags) treatments[tag] = Treatment::keep;
  return treatments;
}();

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view allowed) { return equals_ignoring_ascii_case(name, allowed); });
}

bool is_allowed_class(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kMicroformatPrefixes = {"h-", "p-", "u-", "dt-", "e-"};
  static constexpr std::array<std::string_view, 5> kSemanticClasses = {"mention", "hashtag", "ellipsis", "invisible",
                                                                       "quote-inline"};
  return std::any_of(kMicroformatPrefixes.begin(), kMicroformatPrefixes.end(),
                     [&](std::string_view prefix) { return name.substr(0, prefix.size()) == prefix; }) ||
         std::find(kSemanticClasses.begin(), kSemanticClasses.end(), name) != kSemanticClasses.end();
}

}  // namespace

Treatment treatment_of(const GumboNode& element) {
  const GumboNamespaceEnum element_namespace = element.v.element.tag_namespace;
  if (element_namespace == GUMBO_NAMESPACE_MATHML && element.v.element.tag == GUMBO_TAG_MATH) return Treatment::math;
  // Every other foreign element is an <svg> or inside one, or inside a <math>: never kept as markup.
  if (element_namespace != GUMBO_NAMESPACE_HTML) return Treatment::drop;
  return kTreatmentOfTag[element.v.element.tag];
}

bool allows_attribute(GumboTag kept_tag, std::string_view name) {
  if (equals_ignoring_ascii_case(name, "lang")) return true;
  switch (kept_tag) {
    case GUMBO_TAG_A:
      return is_one_of(name, {"href", "rel", "class", "translate"});
    case GUMBO_TAG_SPAN:
      return is_one_of(name, {"class", "translate"});
    case GUMBO_TAG_P:
      return is_one_of(name, {"class"});
    case GUMBO_TAG_OL:
      return is_one_of(name, {"start", "reversed"});
    case GUMBO_TAG_LI:
      return is_one_of(name, {"value"});
    default:
      return false;
  }
}

std::string allowed_classes(std::string_view class_list) {
  std::string kept;
  while (!class_list.empty()) {
    const std::size_t end = std::min(class_list.find_first_of("\t\n\f\r "), class_list.size());
    const std::string_view name = class_list.substr(0, end);
    if (!name.empty() && is_allowed_class(name)) {
      if (!kept.empty()) kept += ' ';
      kept += name;
    }
    class_list.remove_prefix(std::min(end + 1, class_list.size()));
  }
  return kept;
}

bool allows_translate_value(std::string_view value) { return value == "no"; }

}  // namespace vmst::text::mastodon_strict
