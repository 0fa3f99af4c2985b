#include "services/search_query.hpp"

#include <algorithm>
#include <cctype>

#include "text/trim.hpp"

namespace vmst::services {

namespace {

bool has_space(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char ch) { return std::isspace(ch); });
}

// A word the unicode61 tokenizer would index something for: a letter or digit, ASCII or not.
bool searchable(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; });
}

std::string quoted(std::string_view word) {
  std::string out = "\"";
  for (char ch : word) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

bool known_operator(std::string_view key) {
  static constexpr std::string_view kOperators[] = {"has", "is", "language", "before", "after", "during", "in"};
  return std::find(std::begin(kOperators), std::end(kOperators), key) != std::end(kOperators);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return out;
}

}  // namespace

bool is_url_query(std::string_view query) {
  const std::string head = lower(text::trim(query, text::kAsciiWhitespace).substr(0, 8));
  return head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0;
}

SearchScopes search_scopes(std::string_view raw, std::string_view type, bool signed_in) {
  const std::string_view query = text::trim(raw, text::kAsciiWhitespace);
  SearchScopes scopes;
  const bool any = type.empty();
  const bool tag_like = !query.empty() && query.front() == '#';
  const bool has_at = query.find('@') != std::string_view::npos;
  scopes.accounts = (any || type == "accounts") && !tag_like && !(has_at && has_space(query));
  scopes.statuses = (any || type == "statuses") && signed_in && !((tag_like || has_at) && !has_space(query));
  scopes.hashtags = (any || type == "hashtags") && !has_at;
  return scopes;
}

TextQuery parse_text_query(std::string_view query) {
  TextQuery out;
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
    if (i >= query.size()) break;
    bool negated = false;
    if (query[i] == '-' && i + 1 < query.size() && !std::isspace(static_cast<unsigned char>(query[i + 1]))) {
      negated = true;
      ++i;
    }
    std::string word;
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos) close = query.size();
      word = std::string(query.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t end = i;
      while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end]))) ++end;
      word = std::string(query.substr(i, end - i));
      i = end;
      if (auto colon = word.find(':'); colon != std::string::npos && colon > 0 && !negated) {
        const std::string key = lower(word.substr(0, colon));
        std::string value = word.substr(colon + 1);
        if (key == "from" && !value.empty()) {
          if (value.front() == '@') value.erase(0, 1);
          out.from = value;
          continue;
        }
        if (known_operator(key)) continue;
      }
    }
    if (!searchable(word)) continue;
    (negated ? out.excluded : out.words).push_back(std::move(word));
  }
  return out;
}

std::optional<std::string> fts_expression(const TextQuery& query) {
  if (query.words.empty()) return std::nullopt;
  std::string out;
  for (const auto& word : query.words) {
    if (!out.empty()) out += ' ';
    out += quoted(word);
  }
  for (const auto& word : query.excluded) out += " NOT " + quoted(word);
  return out;
}

std::optional<std::string> hashtag_query(std::string_view raw) {
  std::string_view query = text::trim(raw, text::kAsciiWhitespace);
  if (!query.empty() && query.front() == '#') query.remove_prefix(1);
  if (query.empty()) return std::nullopt;
  const bool name_chars = std::all_of(query.begin(), query.end(), [](unsigned char ch) {
    return std::isalnum(ch) || ch == '_' || ch >= 0x80;
  });
  if (!name_chars) return std::nullopt;
  return std::string(query);
}

}  // namespace vmst::services
