// parse_signature_header: the auth-param grammar of the `Signature` header, read leniently where real senders
// deviate (bogus "Signature " prefix, unquoted base64) and strictly where ambiguity could change what is verified.
#include "crypto/encoding.hpp"
#include "crypto/http_signature.hpp"
#include "crypto/http_text.hpp"

#include <array>
#include <charconv>

namespace vmst::crypto {

namespace {

using http_text::concat;
using http_text::is_ows;
using http_text::is_tchar;

enum Param { kKeyId, kAlgorithm, kHeaders, kSignature, kCreated, kExpires, kParamCount };
constexpr std::array<std::string_view, kParamCount> kParamNames = {"keyId",     "algorithm", "headers",
                                                                    "signature", "created",   "expires"};

bool fail(std::string* problem, std::string reason) {
  if (problem != nullptr) *problem = std::move(reason);
  return false;
}

class ParamReader {
 public:
  explicit ParamReader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  void skip_ows() {
    while (!at_end() && is_ows(peek())) ++pos_;
  }

  // Skips a leading auth-scheme "Signature" followed by whitespace. `signature = "..."` (a parameter with spaces
  // before "=") is not a scheme, so the word must be followed by something other than "=".
  void skip_scheme_prefix() {
    constexpr std::string_view scheme = "Signature";
    if (!http_text::starts_with_ascii_ci(text_.substr(pos_), scheme)) return;
    size_t after = pos_ + scheme.size();
    if (after >= text_.size() || !is_ows(text_[after])) return;
    size_t next = after;
    while (next < text_.size() && is_ows(text_[next])) ++next;
    if (next < text_.size() && text_[next] == '=') return;
    pos_ = next;
  }

  std::string_view token() {
    size_t start = pos_;
    while (!at_end() && is_tchar(peek())) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // token68 characters as well as tchar: some senders leave base64 signatures (with "/" and "=") unquoted.
  std::string_view bare_value() {
    size_t start = pos_;
    while (!at_end() && (is_tchar(peek()) || peek() == '/' || peek() == '=')) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // After the opening quote. False on an unterminated string.
  bool quoted_string_body(std::string& out) {
    while (!at_end()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (c == '\\') {
        if (at_end()) return false;
        c = text_[pos_++];
      }
      out += c;
    }
    return false;
  }

  bool consume(char c) {
    if (at_end() || peek() != c) return false;
    ++pos_;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

int param_index(std::string_view name) {
  for (int i = 0; i < kParamCount; ++i) {
    if (http_text::iequals_ascii(name, kParamNames[static_cast<size_t>(i)])) return i;
  }
  return -1;
}

// Reads every parameter into `values`; false on a syntax error or a duplicated known parameter.
bool read_params(std::string_view header, std::array<std::optional<std::string>, kParamCount>& values,
                 std::string* problem) {
  ParamReader reader(header);
  reader.skip_ows();
  reader.skip_scheme_prefix();
  while (true) {
    reader.skip_ows();
    while (reader.consume(',')) reader.skip_ows();  // empty list elements, RFC 9110 §5.6.1.2
    if (reader.at_end()) return true;

    std::string_view name = reader.token();
    if (name.empty()) return fail(problem, "expected a parameter name");
    reader.skip_ows();
    if (!reader.consume('=')) return fail(problem, concat({"expected '=' after parameter ", name}));
    reader.skip_ows();

    std::string value;
    if (reader.consume('"')) {
      if (!reader.quoted_string_body(value)) return fail(problem, concat({"unterminated quoted value for ", name}));
    } else {
      value = reader.bare_value();
      if (value.empty()) return fail(problem, concat({"missing value for parameter ", name}));
    }

    int index = param_index(name);
    if (index >= 0) {
      auto& slot = values[static_cast<size_t>(index)];
      if (slot) return fail(problem, concat({"parameter ", kParamNames[static_cast<size_t>(index)], " appears twice"}));
      slot = std::move(value);
    }

    reader.skip_ows();
    if (!reader.at_end() && !reader.consume(',')) {
      return fail(problem, concat({"expected ',' after parameter ", name}));
    }
  }
}

// Digits only and no leading zero, so formatting the number again reproduces the text that was signed.
std::optional<int64_t> canonical_unix_seconds(std::string_view text) {
  if (text.empty() || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Base64 as the draft prescribes, also accepting a value whose "=" padding was dropped.
std::optional<std::string> decode_signature(std::string_view text) {
  std::string padded(text);
  while (padded.size() % 4 != 0) padded += '=';
  return base64_decode(padded);
}

std::vector<std::string> split_header_names(std::string_view list) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && is_ows(list[pos])) ++pos;
    size_t start = pos;
    while (pos < list.size() && !is_ows(list[pos])) ++pos;
    if (pos > start) names.push_back(http_text::to_lower_ascii(list.substr(start, pos - start)));
  }
  return names;
}

}  // namespace

std::optional<SignatureParams> parse_signature_header(std::string_view value, std::string* problem) {
  std::array<std::optional<std::string>, kParamCount> raw;
  if (!read_params(value, raw, problem)) return std::nullopt;

  auto reject = [problem](std::string reason) -> std::optional<SignatureParams> {
    fail(problem, std::move(reason));
    return std::nullopt;
  };

  SignatureParams params;
  if (!raw[kKeyId] || raw[kKeyId]->empty()) return reject("keyId is missing");
  params.key_id = std::move(*raw[kKeyId]);

  if (!raw[kSignature] || raw[kSignature]->empty()) return reject("signature is missing");
  std::optional<std::string> signature = decode_signature(*raw[kSignature]);
  if (!signature || signature->empty()) return reject("signature is not base64");
  params.signature = std::move(*signature);

  if (raw[kAlgorithm]) params.algorithm = http_text::to_lower_ascii(*raw[kAlgorithm]);

  for (Param p : {kCreated, kExpires}) {
    if (!raw[p]) continue;
    std::optional<int64_t> seconds = canonical_unix_seconds(*raw[p]);
    if (!seconds) {
      return reject(concat({kParamNames[p], " is not a plain integer: ", *raw[p]}));
    }
    (p == kCreated ? params.created : params.expires) = seconds;
  }

  if (raw[kHeaders]) {
    params.headers = split_header_names(*raw[kHeaders]);
    if (params.headers.empty()) return reject("headers is empty");
  } else if (params.algorithm.empty() || params.algorithm == "hs2019") {
    params.headers = {"(created)"};
  } else {
    params.headers = {"date"};
  }
  return params;
}

}  // namespace vmst::crypto
