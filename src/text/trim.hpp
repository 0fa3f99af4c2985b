#pragma once
// Cutting white space off both ends of a piece of text. Callers differ in what counts as white space (HTTP allows
// only spaces and tabs, form input also brings line breaks, <cctype> adds vertical tab and form feed), so each
// names its set; the sets below are the ones in use.
#include <string_view>

namespace vmst::text {

// HTTP's optional whitespace (RFC 9110 §5.6.3), also what pads a CSV field.
inline constexpr std::string_view kSpacesAndTabs = " \t";
// What a form field or a pasted handle or URL carries around it.
inline constexpr std::string_view kSpacesTabsAndLineBreaks = " \t\r\n";
// Exactly what std::isspace accepts in the "C" locale.
inline constexpr std::string_view kAsciiWhitespace = " \t\n\v\f\r";

// `text` without the leading and trailing characters found in `whitespace`; a view into `text`. Inline: the image
// library (vmst_image, linked after vmst_core) uses it too.
inline std::string_view trim(std::string_view text, std::string_view whitespace) {
  const auto first = text.find_first_not_of(whitespace);
  if (first == std::string_view::npos) return text.substr(text.size());
  return text.substr(first, text.find_last_not_of(whitespace) - first + 1);
}

}  // namespace vmst::text
