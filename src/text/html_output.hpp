#pragma once
// Writing sanitised HTML that browsers parse back into the tree it was written from.
#include <gumbo.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vmst::text {

// Tags are written only for elements the caller opens here and closed in reverse order, so the output is balanced;
// text and attribute values are escaped (html_escape.hpp).
class HtmlOutput {
 public:
  // False when starting `tag` here would make the HTML parser close or move open elements on reading the output:
  // a block inside an open <p>, an <li> inside an <li> of the same list, an <a> inside an <a>, <rt> or <rp> right
  // inside a <p>, <li>, <rt> or <rp> in a <ruby>. Parsed input has no such nesting except across elements a
  // sanitiser removes (such as <button> or <td>, which bound those rules); the caller then leaves the tag out.
  bool can_open(GumboTag tag) const;
  std::size_t open_elements() const { return open_.size(); }

  // Starts "<tag"; attributes follow, then end_start_tag(). Elements other than <br> stay open until close().
  void start_tag(GumboTag tag);
  void attribute(std::string_view name, std::string_view value);  // `name` is written in ASCII lower case
  void end_start_tag();
  void close();  // the element opened last
  void text(std::string_view text);

  std::string take() { return std::move(html_); }

 private:
  bool is_open(GumboTag tag) const;

  std::vector<GumboTag> open_;
  std::array<unsigned, GUMBO_TAG_LAST + 1> open_count_{};  // per tag, so that is_open does not search open_
  std::string html_;
  bool at_start_of_pre_ = false;
};

}  // namespace vmst::text
