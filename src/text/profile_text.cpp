#include "text/profile_text.hpp"

#include <cctype>

#include "text/html_escape.hpp"

namespace vmst::text {

namespace {

bool starts_with_ci(std::string_view text, size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != prefix[i]) return false;
  }
  return true;
}

bool ends_url(unsigned char ch) { return std::isspace(ch) || ch == '<' || ch == '>' || ch == '"' || ch == '\''; }

// Where a link starting at `at` ends: at white space or markup characters, without trailing punctuation (a full
// stop after a link is not part of it).
size_t url_end(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && !ends_url(static_cast<unsigned char>(text[end]))) ++end;
  while (end > at) {
    char last = text[end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == ')') {
      --end;
    } else {
      break;
    }
  }
  return end;
}

// Escapes `text` and turns http(s) URLs into links.
void append_linked(std::string& out, std::string_view text, std::string_view rel) {
  size_t plain_from = 0;
  size_t i = 0;
  while (i < text.size()) {
    const bool boundary = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    size_t scheme = starts_with_ci(text, i, "https://") ? 8 : starts_with_ci(text, i, "http://") ? 7 : 0;
    if (boundary && scheme > 0) {
      size_t end = url_end(text, i);
      if (end > i + scheme) {
        append_html_escaped(out, text.substr(plain_from, i - plain_from));
        const std::string_view url = text.substr(i, end - i);
        out += "<a href=\"";
        append_html_escaped(out, url);
        out += "\" target=\"_blank\" rel=\"";
        out += rel;
        out += "\" translate=\"no\">";
        append_html_escaped(out, url);
        out += "</a>";
        i = plain_from = end;
        continue;
      }
    }
    ++i;
  }
  append_html_escaped(out, text.substr(plain_from));
}

std::string_view trim(std::string_view text) {
  size_t first = 0, last = text.size();
  while (first < last && std::isspace(static_cast<unsigned char>(text[first]))) ++first;
  while (last > first && std::isspace(static_cast<unsigned char>(text[last - 1]))) --last;
  return text.substr(first, last - first);
}

}  // namespace

std::string render_profile_note(std::string_view input) {
  std::string text;
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\r') {
      text += '\n';
      if (i + 1 < input.size() && input[i + 1] == '\n') ++i;
    } else {
      text += input[i];
    }
  }
  const std::string_view body = trim(text);
  std::string out;
  size_t at = 0;
  while (at < body.size()) {
    size_t blank = body.find("\n\n", at);
    std::string_view paragraph = body.substr(at, blank == std::string_view::npos ? std::string_view::npos : blank - at);
    at = blank == std::string_view::npos ? body.size() : blank + 2;
    paragraph = trim(paragraph);
    if (paragraph.empty()) continue;
    out += "<p>";
    size_t line_start = 0;
    while (true) {
      size_t newline = paragraph.find('\n', line_start);
      append_linked(out, paragraph.substr(line_start, newline == std::string_view::npos ? std::string_view::npos
                                                                                         : newline - line_start),
                    "nofollow noopener");
      if (newline == std::string_view::npos) break;
      out += "<br />";
      line_start = newline + 1;
    }
    out += "</p>";
  }
  return out;
}

std::string render_profile_field_value(std::string_view text) {
  std::string out;
  append_linked(out, trim(text), "nofollow noopener me");
  return out;
}

}  // namespace vmst::text
