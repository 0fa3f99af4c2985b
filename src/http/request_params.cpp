#include "http/request_params.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "http/error_responses.hpp"

namespace vmst::http {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && lower(text.substr(0, prefix.size())) == prefix;
}

// "a[b][][c]" -> {"a", "b", "", "c"}; a key without brackets is one segment. Malformed brackets keep the raw key.
std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> parts;
  auto open = key.find('[');
  if (open == std::string_view::npos || open == 0) return {std::string(key)};
  parts.emplace_back(key.substr(0, open));
  size_t pos = open;
  while (pos < key.size()) {
    if (key[pos] != '[') return {std::string(key)};
    auto close = key.find(']', pos);
    if (close == std::string_view::npos) return {std::string(key)};
    parts.emplace_back(key.substr(pos + 1, close - pos - 1));
    pos = close + 1;
  }
  return parts;
}

// Places value at path inside node following Rails' rules: "" appends to an array, and for "[][name]" a new element
// starts when the last one already has that name.
void place(nlohmann::json& node, const std::vector<std::string>& path, size_t at, std::string value) {
  const std::string& segment = path[at];
  const bool last = at + 1 == path.size();
  if (segment.empty()) {
    if (!node.is_array()) node = nlohmann::json::array();
    if (last) {
      node.push_back(std::move(value));
      return;
    }
    const std::string& next = path[at + 1];
    if (node.empty() || !node.back().is_object() || next.empty() || node.back().contains(next)) {
      node.push_back(nlohmann::json::object());
    }
    place(node.back(), path, at + 1, std::move(value));
    return;
  }
  if (!node.is_object()) node = nlohmann::json::object();
  if (last) {
    node[segment] = std::move(value);
    return;
  }
  place(node[segment], path, at + 1, std::move(value));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte; a malformed escape stays as written.
std::string form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// "a=1&b[]=2" in the order written.
void add_urlencoded_fields(RequestParams& params, std::string_view text) {
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    params.add_field(form_decode(pair.substr(0, eq)), eq == std::string_view::npos ? "" : form_decode(pair.substr(eq + 1)));
  }
}

}  // namespace

std::optional<std::string> scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<int64_t>());
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

std::optional<bool> parse_rails_boolean(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_number()) return value.get<double>() != 0;
  auto text = scalar_text(value);
  if (!text || text->empty()) return std::nullopt;
  static constexpr std::string_view kFalse[] = {"false", "0", "f", "off", "no", "n"};
  std::string l = lower(*text);
  for (auto f : kFalse)
    if (l == f) return false;
  return true;
}

RequestParams RequestParams::from(const httplib::Request& req) {
  RequestParams params;
  const std::string content_type = req.get_header_value("Content-Type");
  // cpp-httplib folds the query string and a form body into req.params, a std::multimap sorted by key. Rails' rule
  // for "a[][x]=1&a[][y]=2&a[][x]=3" needs the order the client sent (Mastodon's own example for
  // keywords_attributes[] is written that way), so both are read again from the raw target and body when there.
  if (!req.target.empty()) {
    if (auto query = req.target.find('?'); query != std::string::npos) {
      add_urlencoded_fields(params, std::string_view(req.target).substr(query + 1));
    }
    if (starts_with_ci(content_type, "application/x-www-form-urlencoded")) add_urlencoded_fields(params, req.body);
  } else {
    for (const auto& [key, value] : req.params) params.add_field(key, value);
  }
  for (const auto& [name, item] : req.files) {
    // A part without a filename is an ordinary field (requests and masto.js send no Content-Type for those).
    if (item.filename.empty()) {
      params.add_field(name, item.content);
    } else {
      params.add_file(name, UploadedFile{item.filename, item.content_type, item.content});
    }
  }
  if (starts_with_ci(content_type, "application/json") && !req.body.empty()) {
    auto parsed = nlohmann::json::parse(req.body, nullptr, false);
    if (parsed.is_discarded()) throw HttpError(400, "The request body is not valid JSON");
    if (!parsed.is_object()) throw HttpError(400, "The request body must be a JSON object");
    params.merge_json(parsed);
  }
  return params;
}

void RequestParams::add_field(std::string_view key, std::string value) {
  if (key.empty()) return;
  place(values_, split_key(key), 0, std::move(value));
}

void RequestParams::merge_json(const nlohmann::json& object) {
  for (const auto& [key, value] : object.items()) {
    // JSON clients sometimes keep the form-style name ("media_ids[]": [...]).
    std::string name = key;
    if (name.size() > 2 && name.ends_with("[]")) name.resize(name.size() - 2);
    values_[name] = value;
  }
}

const nlohmann::json* RequestParams::find(std::string_view key) const {
  auto it = values_.find(std::string(key));
  if (it == values_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool RequestParams::has(std::string_view key) const { return find(key) != nullptr; }

std::optional<std::string> RequestParams::string(std::string_view key) const {
  const auto* value = find(key);
  if (!value) return std::nullopt;
  return scalar_text(*value);
}

std::optional<bool> RequestParams::boolean(std::string_view key) const {
  const auto* value = find(key);
  if (!value) return std::nullopt;
  return parse_rails_boolean(*value);
}

std::optional<int64_t> RequestParams::integer(std::string_view key) const {
  const auto* value = find(key);
  if (!value) return std::nullopt;
  if (value->is_number_integer()) return value->get<int64_t>();
  auto text = scalar_text(*value);
  if (!text || text->empty()) return std::nullopt;
  int64_t out = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), out);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw HttpError(400, std::string(key) + " must be an integer");
  }
  return out;
}

std::vector<std::string> RequestParams::strings(std::string_view key) const {
  std::vector<std::string> out;
  const auto* value = find(key);
  if (!value) return out;
  if (value->is_array()) {
    for (const auto& item : *value)
      if (auto text = scalar_text(item)) out.push_back(*text);
  } else if (value->is_object()) {
    // "key[0]=a&key[1]=b" arrives as an object keyed by index.
    for (const auto& item : objects(key))
      if (auto text = scalar_text(item)) out.push_back(*text);
  } else if (auto text = scalar_text(*value)) {
    out.push_back(*text);
  }
  return out;
}

const nlohmann::json* RequestParams::object(std::string_view key) const {
  const auto* value = find(key);
  return value && value->is_object() ? value : nullptr;
}

std::vector<nlohmann::json> RequestParams::objects(std::string_view key) const {
  std::vector<nlohmann::json> out;
  const auto* value = find(key);
  if (!value) return out;
  if (value->is_array()) {
    for (const auto& item : *value) out.push_back(item);
    return out;
  }
  if (!value->is_object()) return out;
  std::vector<std::pair<int64_t, const nlohmann::json*>> indexed;
  for (const auto& [index, item] : value->items()) {
    int64_t n = 0;
    auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), n);
    if (ec != std::errc() || end != index.data() + index.size()) continue;
    indexed.emplace_back(n, &item);
  }
  std::sort(indexed.begin(), indexed.end(), [](auto& a, auto& b) { return a.first < b.first; });
  for (auto& [n, item] : indexed) out.push_back(*item);
  return out;
}

const UploadedFile* RequestParams::file(std::string_view name) const {
  for (const auto& [key, file] : files_)
    if (key == name) return &file;
  return nullptr;
}

}  // namespace vmst::http
