#include "text/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace vmst::text {

std::string markdown_to_html(std::string_view markdown) {
  // CMARK_OPT_DEFAULT is safe since cmark 0.29: raw HTML and javascript:/vbscript:/file:/data: links are removed.
  std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace vmst::text
