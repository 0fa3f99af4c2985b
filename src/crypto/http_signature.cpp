// Signing strings, signing and verification for draft-cavage HTTP signatures. The parser is in
// signature_header_parser.cpp.
#include "crypto/http_signature.hpp"

#include "crypto/encoding.hpp"
#include "crypto/http_text.hpp"
#include "crypto/pem_key_cache.hpp"
#include "text/trim.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <memory>

namespace vmst::crypto {

namespace {

using http_text::concat;

bool fail(std::string* problem, std::string reason) {
  if (problem != nullptr) *problem = std::move(reason);
  return false;
}

bool has_line_break(std::string_view value) { return value.find_first_of("\r\n") != std::string_view::npos; }

// draft §2.3 rules 2-3: (created)/(expires) are errors for the algorithms that predate them.
bool algorithm_forbids_time_pseudo_headers(std::string_view algorithm) {
  return http_text::starts_with_ascii_ci(algorithm, "rsa") || http_text::starts_with_ascii_ci(algorithm, "hmac") ||
         http_text::starts_with_ascii_ci(algorithm, "ecdsa");
}

bool append_time_pseudo_header(std::string& out, std::string_view name, const SignatureParams* params,
                               bool created, std::string* problem) {
  if (params == nullptr) return fail(problem, concat({name, " needs the signature parameters"}));
  if (algorithm_forbids_time_pseudo_headers(params->algorithm)) {
    return fail(problem, concat({name, " is not allowed with algorithm ", params->algorithm}));
  }
  const std::optional<int64_t>& value = created ? params->created : params->expires;
  if (!value) return fail(problem, concat({name, " is listed but the parameter is absent"}));
  out += name;
  out += ": ";
  out += std::to_string(*value);
  return true;
}

enum class KeyScheme { RsaPkcs1Sha256, Ed25519, Unsupported };

KeyScheme scheme_of(const EVP_PKEY* key) {
  switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
      return KeyScheme::RsaPkcs1Sha256;
    case EVP_PKEY_ED25519:
      return KeyScheme::Ed25519;
    default:
      return KeyScheme::Unsupported;
  }
}

// Ed25519 hashes internally and takes no digest; RSA keys sign SHA-256 with PKCS#1 v1.5 padding (the default).
const EVP_MD* digest_for(KeyScheme scheme) { return scheme == KeyScheme::RsaPkcs1Sha256 ? EVP_sha256() : nullptr; }

using MdCtx = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::optional<std::string> sign_with(EVP_PKEY* key, std::string_view data) {
  KeyScheme scheme = scheme_of(key);
  if (scheme == KeyScheme::Unsupported) return std::nullopt;
  // One context per operation: the shared EVP_PKEY itself is only read (see pem_key_cache.hpp).
  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::string signature(static_cast<size_t>(EVP_PKEY_get_size(key)), '\0');
  size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, digest_for(scheme), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  signature.resize(length);
  return signature;
}

bool algorithm_fits(std::string_view algorithm, KeyScheme scheme) {
  if (algorithm.empty() || http_text::iequals_ascii(algorithm, "hs2019")) return true;
  if (http_text::iequals_ascii(algorithm, "rsa-sha256")) return scheme == KeyScheme::RsaPkcs1Sha256;
  if (http_text::iequals_ascii(algorithm, "ed25519")) return scheme == KeyScheme::Ed25519;
  return false;
}

bool is_known_algorithm(std::string_view algorithm) {
  return algorithm.empty() || http_text::iequals_ascii(algorithm, "hs2019") ||
         http_text::iequals_ascii(algorithm, "rsa-sha256") || http_text::iequals_ascii(algorithm, "ed25519");
}

void append_quoted(std::string& out, std::string_view value) {
  out += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

}  // namespace

std::optional<std::string> build_signing_string(std::string_view method, std::string_view path_and_query,
                                                const std::vector<std::string>& headers, const HeaderValues& header,
                                                const SignatureParams* params_for_pseudo_headers,
                                                std::string* problem) {
  std::string out;
  for (size_t i = 0; i < headers.size(); ++i) {
    if (i > 0) out += '\n';
    std::string name = http_text::to_lower_ascii(headers[i]);

    if (name == "(request-target)") {
      if (has_line_break(path_and_query) || has_line_break(method)) {
        fail(problem, "the request target contains a line break");
        return std::nullopt;
      }
      out += "(request-target): ";
      out += http_text::to_lower_ascii(method);
      out += ' ';
      out += path_and_query;
    } else if (name == "(created)" || name == "(expires)") {
      if (!append_time_pseudo_header(out, name, params_for_pseudo_headers, name == "(created)", problem)) {
        return std::nullopt;
      }
    } else if (!name.empty() && name.front() == '(') {
      fail(problem, concat({"unknown pseudo-header ", name}));
      return std::nullopt;
    } else {
      std::vector<std::string> values = header ? header(name) : std::vector<std::string>{};
      if (values.empty()) {
        fail(problem, concat({"signed header ", name, " is absent from the request"}));
        return std::nullopt;
      }
      out += name;
      out += ": ";
      for (size_t v = 0; v < values.size(); ++v) {
        if (has_line_break(values[v])) {
          fail(problem, concat({"header ", name, " contains a line break"}));
          return std::nullopt;
        }
        if (v > 0) out += ", ";
        out += text::trim(values[v], text::kSpacesAndTabs);  // draft-cavage §2.3: values without their OWS
      }
    }
  }
  return out;
}

std::optional<std::string> sign_signing_string(std::string_view private_key_pem, std::string_view signing_string) {
  std::shared_ptr<EVP_PKEY> key = shared_private_key_cache().get(private_key_pem);
  if (!key) return std::nullopt;
  return sign_with(key.get(), signing_string);
}

std::optional<std::string> sign_request(std::string_view key_id, std::string_view private_key_pem,
                                        std::string_view method, std::string_view path_and_query,
                                        const std::vector<std::pair<std::string, std::string>>& signed_headers) {
  std::shared_ptr<EVP_PKEY> key = shared_private_key_cache().get(private_key_pem);
  if (!key) return std::nullopt;
  KeyScheme scheme = scheme_of(key.get());
  if (scheme == KeyScheme::Unsupported) return std::nullopt;

  std::vector<std::pair<std::string, std::string>> lowered;
  lowered.reserve(signed_headers.size());
  std::vector<std::string> names = {"(request-target)"};
  for (const auto& [name, value] : signed_headers) {
    if (name.empty()) return std::nullopt;
    for (char c : name) {
      if (!http_text::is_tchar(c)) return std::nullopt;  // also rejects "(" and anything that would split the list
    }
    std::string lower = http_text::to_lower_ascii(name);
    bool seen = false;
    for (const auto& earlier : lowered) seen = seen || earlier.first == lower;
    if (!seen) names.push_back(lower);
    lowered.emplace_back(std::move(lower), value);
  }
  auto values_of = [&lowered](std::string_view name) {
    std::vector<std::string> values;
    for (const auto& [n, v] : lowered) {
      if (n == name) values.push_back(v);
    }
    return values;
  };

  std::optional<std::string> signing_string =
      build_signing_string(method, path_and_query, names, values_of, nullptr);
  if (!signing_string) return std::nullopt;
  std::optional<std::string> signature = sign_with(key.get(), *signing_string);
  if (!signature) return std::nullopt;

  std::string out = "keyId=";
  append_quoted(out, key_id);
  out += scheme == KeyScheme::Ed25519 ? ",algorithm=\"hs2019\"" : ",algorithm=\"rsa-sha256\"";
  out += ",headers=\"";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ' ';
    out += names[i];
  }
  out += "\",signature=\"";
  out += base64_encode(*signature);
  out += '"';
  return out;
}

VerifyResult verify_signature(std::string_view algorithm, std::string_view public_key_pem,
                              std::string_view signing_string, std::string_view signature) {
  if (!is_known_algorithm(algorithm)) return VerifyResult::UnsupportedAlgorithm;
  std::shared_ptr<EVP_PKEY> key = shared_public_key_cache().get(public_key_pem);
  if (!key) return VerifyResult::BadKey;
  KeyScheme scheme = scheme_of(key.get());
  if (scheme == KeyScheme::Unsupported) return VerifyResult::BadKey;
  if (!algorithm_fits(algorithm, scheme)) return VerifyResult::Invalid;

  MdCtx ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, digest_for(scheme), nullptr, key.get()) != 1) {
    ERR_clear_error();
    return VerifyResult::BadKey;
  }
  int verified = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                  reinterpret_cast<const unsigned char*>(signing_string.data()), signing_string.size());
  if (verified != 1) {
    ERR_clear_error();  // a wrong-length or corrupt signature leaves errors queued on this thread
    return VerifyResult::Invalid;
  }
  return VerifyResult::Valid;
}

}  // namespace vmst::crypto
