#include "text/html_output.hpp"

#include "text/html_escape.hpp"

namespace vmst::text {

bool HtmlOutput::is_open(GumboTag tag) const { return open_count_[tag] > 0; }

bool HtmlOutput::can_open(GumboTag tag) const {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
      return !is_open(GUMBO_TAG_P);
    case GUMBO_TAG_LI:
      if (is_open(GUMBO_TAG_P)) return false;
      if (!is_open(GUMBO_TAG_LI)) return true;
      // The parser closes an open <li> unless a list or another block that ends its search comes first.
      for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
        if (*it == GUMBO_TAG_LI) return false;
        if (*it == GUMBO_TAG_UL || *it == GUMBO_TAG_OL || *it == GUMBO_TAG_BLOCKQUOTE || *it == GUMBO_TAG_PRE) {
          return true;
        }
      }
      return true;
    case GUMBO_TAG_A:
      return !is_open(GUMBO_TAG_A);
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP: {
      if (open_.empty() || !is_open(GUMBO_TAG_RUBY)) return true;
      const GumboTag current = open_.back();
      return current != GUMBO_TAG_P && current != GUMBO_TAG_LI && current != GUMBO_TAG_RT && current != GUMBO_TAG_RP;
    }
    default:
      return true;
  }
}

void HtmlOutput::start_tag(GumboTag tag) {
  html_ += '<';
  html_ += gumbo_normalized_tagname(tag);
  if (tag != GUMBO_TAG_BR) {
    open_.push_back(tag);
    ++open_count_[tag];
  }
  at_start_of_pre_ = tag == GUMBO_TAG_PRE;
}

void HtmlOutput::attribute(std::string_view name, std::string_view value) {
  html_ += ' ';
  for (char ch : name) html_ += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  html_ += "=\"";
  append_html_escaped(html_, value);
  html_ += '"';
}

void HtmlOutput::end_start_tag() { html_ += '>'; }

void HtmlOutput::close() {
  html_ += "</";
  html_ += gumbo_normalized_tagname(open_.back());
  html_ += '>';
  --open_count_[open_.back()];
  open_.pop_back();
  at_start_of_pre_ = false;
}

void HtmlOutput::text(std::string_view text) {
  if (text.empty()) return;
  // The parser drops a newline right after <pre>; one of the text's own would be lost without another before it.
  if (at_start_of_pre_ && text.front() == '\n') html_ += '\n';
  at_start_of_pre_ = false;
  append_html_escaped(html_, text);
}

}  // namespace vmst::text
