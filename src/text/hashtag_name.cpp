#include "text/hashtag_name.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "text/code_points.hpp"
#include "text/text_scanners.hpp"
#include "text/utf8.hpp"

namespace vmst::text {
namespace {

// Tag::HASHTAG_INVALID_CHARS_RE's complement: [[:alnum:]], the Thai marks U+0E47–U+0E4E and the separators.
bool may_stay_in_name(char32_t c) { return is_alnum(c) || (c >= 0x0E47 && c <= 0x0E4E) || is_hashtag_separator(c); }

std::string without_invalid_characters(std::string_view name) {
  std::string out;
  std::size_t at = 0;
  while (at < name.size()) {
    const Utf8Decoded decoded = decode_utf8_at(name, at);
    if (decoded.valid && may_stay_in_name(decoded.code_point)) out.append(name.substr(at, decoded.length));
    at += decoded.length;
  }
  return out;
}

// Mastodon folds with Lucene's ASCIIFolding table; ICU's Latin-ASCII transform folds the same letters, and kept to
// Latin script it leaves separators such as · alone. ICU transliterators are not safe to share between threads,
// hence the lock (normalising tags is rare).
class AsciiFolder {
 public:
  AsciiFolder() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(icu::Transliterator::createInstance("[:Latin:] Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) transliterator_.reset();
  }

  void fold(icu::UnicodeString& text) {
    if (!transliterator_) return;
    const std::lock_guard lock(mutex_);
    transliterator_->transliterate(text);
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<icu::Transliterator> transliterator_;
};

AsciiFolder& ascii_folder() {
  static AsciiFolder folder;
  return folder;
}

}  // namespace

// HASHTAG_NAME_RE, \A(FIRST|LAST)\z (see hashtag_scanner.cpp): FIRST matches the whole name when it begins and
// ends with word characters, has only word characters and separators between, and a letter or separator strictly
// inside; LAST when it is all word characters with a letter among them.
bool is_valid_hashtag_name(std::string_view name) {
  const CodePoints text(name);
  const std::size_t size = text.size();
  if (size == 0) return false;
  bool all_word = true;
  bool has_letter = false;
  bool inner_letter_or_separator = false;
  bool all_name_chars = true;
  for (std::size_t i = 0; i < size; ++i) {
    const char32_t c = text.at(i);
    const bool word = is_word_char(c);
    all_word = all_word && word;
    all_name_chars = all_name_chars && (word || is_hashtag_separator(c));
    has_letter = has_letter || is_alphabetic(c);
    if (i > 0 && i + 1 < size) {
      inner_letter_or_separator = inner_letter_or_separator || is_alphabetic(c) || is_hashtag_separator(c);
    }
  }
  const bool first = size >= 3 && is_word_char(text.at(0)) && is_word_char(text.at(size - 1)) && all_name_chars &&
                     inner_letter_or_separator;
  const bool last = all_word && has_letter;
  return first || last;
}

std::string normalize_hashtag_name(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString composed = nfkc->normalize(text, status);
    if (U_SUCCESS(status)) text = composed;
  }
  text.toLower(icu::Locale::getRoot());
  ascii_folder().fold(text);
  std::string utf8;
  text.toUTF8String(utf8);
  return without_invalid_characters(utf8);
}

std::string hashtag_display_name(std::string_view name) { return without_invalid_characters(name); }

std::string hashtag_path_segment(std::string_view name) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(name.size() * 3);
  for (const char ch : name) {
    const auto byte = static_cast<unsigned char>(ch);
    if (is_ascii_alnum(byte) || byte == '-' || byte == '.' || byte == '_' || byte == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

}  // namespace vmst::text
