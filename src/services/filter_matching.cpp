#include "services/filter_matching.hpp"

#include <algorithm>

#include "text/html_sanitizer.hpp"

namespace vmst::services {

namespace {

// UTF-8 decoded to code points, remembering where each one starts so a match can be cut out of the original.
struct Decoded {
  std::u32string folded;
  std::vector<size_t> offsets;  // byte offset of each code point, and one past the end
};

// Simple case folding for the scripts people write filters in (Latin, Greek, Cyrillic, Armenian, fullwidth
// Latin); other characters stay as they are. One code point maps to one, so positions line up with the original.
char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c == 0x3C2) return 0x3C3;  // final sigma folds to sigma
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) && c % 2 == 0) {
    return c + 1;
  }
  if (c >= 0x531 && c <= 0x556) return c + 48;
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
  return c;
}

// Ruby's [[:word:]] on Unicode text (letters, marks, digits, connector punctuation), approximated by ranges:
// ASCII exactly, then the punctuation, symbol, emoji and private-use blocks are non-word and the rest word.
bool is_word(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  if (c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c == 0x1680 || c == 0xFEFF) return false;
  if (c >= 0x2000 && c <= 0x206F) return c == 0x203F || c == 0x2040 || c == 0x2054;
  if (c >= 0x20A0 && c <= 0x20CF) return false;
  if (c >= 0x2190 && c <= 0x2BFF) return false;
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F) return c >= 0x3005 && c <= 0x3007;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return c == 0xFE33 || c == 0xFE34 || (c >= 0xFE4D && c <= 0xFE4F);
  if (c >= 0xFF00 && c <= 0xFF0F) return false;
  if (c >= 0xFF1A && c <= 0xFF20) return false;
  if (c >= 0xFF3B && c <= 0xFF40) return c == 0xFF3F;
  if (c >= 0xFF5B && c <= 0xFF65) return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;
  return true;
}

// Invalid bytes decode to U+FFFD one at a time, so offsets always advance.
Decoded decode(std::string_view text) {
  Decoded out;
  out.folded.reserve(text.size());
  out.offsets.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t c = 0xFFFD;
    if (length == 1) {
      c = b;
    } else if (length > 1 && i + length <= text.size()) {
      c = b & (0xFF >> (length + 1));
      for (size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
          c = 0xFFFD;
          length = 1;
          break;
        }
        c = (c << 6) | (next & 0x3F);
      }
    } else {
      length = 1;
    }
    out.offsets.push_back(i);
    out.folded.push_back(fold(c));
    i += length;
  }
  out.offsets.push_back(text.size());
  return out;
}

// Where the keyword first occurs with the boundaries it needs, or npos.
size_t find_in(const Decoded& text, const std::u32string& keyword, bool start_boundary, bool end_boundary) {
  if (keyword.empty() || keyword.size() > text.folded.size()) return std::u32string::npos;
  const auto& t = text.folded;
  for (size_t at = t.find(keyword); at != std::u32string::npos; at = t.find(keyword, at + 1)) {
    const size_t end = at + keyword.size();
    if (start_boundary && at > 0 && is_word(t[at - 1])) continue;
    if (end_boundary && end < t.size() && is_word(t[end])) continue;
    return at;
  }
  return std::u32string::npos;
}

std::string cut(std::string_view original, const Decoded& text, size_t at, size_t length) {
  const size_t begin = text.offsets[at];
  return std::string(original.substr(begin, text.offsets[at + length] - begin));
}

}  // namespace

std::string_view filter_context_name(FilterContext context) {
  switch (context) {
    case FilterContext::Home: return "home";
    case FilterContext::Notifications: return "notifications";
    case FilterContext::Public: return "public";
    case FilterContext::Thread: return "thread";
    case FilterContext::Account: return "account";
  }
  return "home";
}

std::string searchable_text(const store::StatusRecord& status, const std::vector<store::MediaRecord>& media) {
  std::vector<std::string> parts;
  if (!status.spoiler_text.empty()) parts.push_back(status.spoiler_text);
  std::string content = text::html_to_plain_text(status.content);
  if (!content.empty()) parts.push_back(std::move(content));
  for (const auto& m : media)
    if (m.description && !m.description->empty()) parts.push_back(*m.description);
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += "\n\n";
    out += part;
  }
  return out;
}

std::optional<std::string> find_keyword(std::string_view text, std::string_view keyword, bool whole_word) {
  const Decoded k = decode(keyword);
  const Decoded t = decode(text);
  if (k.folded.empty()) return std::nullopt;
  const size_t at = find_in(t, k.folded, whole_word && is_word(k.folded.front()), whole_word && is_word(k.folded.back()));
  if (at == std::u32string::npos) return std::nullopt;
  return cut(text, t, at, k.folded.size());
}

FilterMatcher::FilterMatcher(const std::vector<store::FilterRecord>& filters) {
  filters_.reserve(filters.size());
  for (const auto& f : filters) {
    Prepared p;
    for (const auto& k : f.keywords) {
      Keyword prepared;
      prepared.folded = decode(k.keyword).folded;
      if (prepared.folded.empty()) continue;
      prepared.word_start = k.whole_word && is_word(prepared.folded.front());
      prepared.word_end = k.whole_word && is_word(prepared.folded.back());
      p.keywords.push_back(std::move(prepared));
      has_keywords_ = true;
    }
    for (const auto& s : f.statuses) p.status_ids.push_back(s.status_id);
    filters_.push_back(std::move(p));
  }
}

std::vector<convert::mastodon::FilterHit> FilterMatcher::match(int64_t status_id, std::optional<int64_t> reblog_of_id,
                                                                std::string_view text) const {
  std::vector<convert::mastodon::FilterHit> hits;
  std::optional<Decoded> decoded;
  for (size_t i = 0; i < filters_.size(); ++i) {
    const auto& f = filters_[i];
    convert::mastodon::FilterHit hit;
    hit.filter = i;
    if (!f.keywords.empty()) {
      if (!decoded) decoded = decode(text);
      for (const auto& k : f.keywords) {
        const size_t at = find_in(*decoded, k.folded, k.word_start, k.word_end);
        if (at == std::u32string::npos) continue;
        std::string matched = cut(text, *decoded, at, k.folded.size());
        if (std::find(hit.keyword_matches.begin(), hit.keyword_matches.end(), matched) == hit.keyword_matches.end()) {
          hit.keyword_matches.push_back(std::move(matched));
        }
      }
    }
    for (int64_t id : f.status_ids) {
      if (id == status_id || (reblog_of_id && id == *reblog_of_id)) hit.status_matches.push_back(id);
    }
    if (!hit.keyword_matches.empty() || !hit.status_matches.empty()) hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace vmst::services
