#pragma once
// What Mastodon keeps of HTML from other servers: its MASTODON_STRICT Sanitize config
// (lib/sanitize_ext/sanitize_config.rb) together with the Sanitize gem's defaults that config inherits.
#include <gumbo.h>

#include <string>
#include <string_view>

namespace vmst::text::mastodon_strict {

enum class Treatment {
  keep,              // p br span a del s pre blockquote code b strong u i em ul ol li ruby rt rp
  heading,           // h1–h6, written as <p><strong>…</strong></p>
  math,              // replaced by its annotation text (math_annotation.hpp), else dropped
  drop,              // removed with everything inside: scripts, styles, embedded documents, SVG and the like
  unwrap,            // removed, its content kept
  unwrap_in_spaces,  // removed, its content kept between spaces so that words on either side stay apart
};

Treatment treatment_of(const GumboNode& element);

// Attributes are kept per element: lang on every kept element, and a: href rel class translate; span: class
// translate; p: class; ol: start reversed; li: value. `name` is compared ASCII-case-insensitively.
bool allows_attribute(GumboTag kept_tag, std::string_view name);
// Mastodon keeps only microformats classes (h-*, p-*, u-*, dt-*, e-*) and mention, hashtag, ellipsis, invisible,
// quote-inline. Returns the kept classes joined by single spaces; empty when none is left.
std::string allowed_classes(std::string_view class_list);
// translate="no" keeps names and code untranslated; any other value is removed.
bool allows_translate_value(std::string_view value);

// What Mastodon sets on every kept link, replacing any rel the remote server sent.
inline constexpr std::string_view kLinkRel = "nofollow noopener";
inline constexpr std::string_view kLinkTarget = "_blank";

}  // namespace vmst::text::mastodon_strict
