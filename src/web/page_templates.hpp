#pragma once
// Mustache templates of the public pages, embedded from static/templates/<name>.mustache. Every {{value}} is
// HTML-escaped (text/html_escape, which also repairs ill-formed UTF-8); {{{value}}} is used only for HTML that
// vmst rendered or sanitised itself.
#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>

namespace vmst::web {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

// Throws std::logic_error when the template is not embedded or does not parse (a build mistake).
std::string render_template(std::string_view name, const TemplateData& data);

// "" as false, anything else as true, for {{#value}} sections that should only show when there is text.
inline TemplateData text_or_false(const std::string& text) { return text.empty() ? TemplateData(false) : TemplateData(text); }

}  // namespace vmst::web
