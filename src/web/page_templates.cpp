#include "web/page_templates.hpp"

#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "store/embedded_resources.hpp"
#include "text/html_escape.hpp"

namespace vmst::web {

namespace {

std::unique_ptr<kainjow::mustache::mustache> parse_template(const std::string& name) {
  auto source = embedded::find("static/templates/" + name + ".mustache");
  if (!source) throw std::logic_error("no template " + name);
  auto parsed = std::make_unique<kainjow::mustache::mustache>(std::string(*source));
  if (!parsed->is_valid()) throw std::logic_error("template " + name + ": " + parsed->error_message());
  parsed->set_custom_escape([](const std::string& text) { return text::html_escaped(text); });
  return parsed;
}

}  // namespace

std::string render_template(std::string_view name, const TemplateData& data) {
  // Parsed once per worker thread: rendering goes through non-const members, so threads do not share one.
  thread_local std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> parsed;
  auto it = parsed.find(std::string(name));
  if (it == parsed.end()) it = parsed.emplace(std::string(name), parse_template(std::string(name))).first;
  return it->second->render(data);
}

}  // namespace vmst::web
