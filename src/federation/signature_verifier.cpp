#include "federation/signature_verifier.hpp"

#include <algorithm>

#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"
#include "federation/rfc9421_verifier.hpp"

namespace vmst::federation {

namespace {
bool covers(const crypto::SignatureParams& params, std::string_view name) {
  return std::find(params.headers.begin(), params.headers.end(), name) != params.headers.end();
}

std::string first(const IncomingRequest& request, std::string_view name) {
  auto values = request.header(name);
  return values.empty() ? "" : values.front();
}
}  // namespace

SignatureVerifier::SignatureVerifier(ActorResolver& resolver, SignatureWindow window)
    : resolver_(resolver), window_(window) {}

store::AccountRecord SignatureVerifier::verify(const IncomingRequest& request, int64_t now_seconds) const {
  if (uses_rfc9421(request)) return verify_rfc9421(request, now_seconds);
  std::string signature = first(request, "signature");
  if (signature.empty()) {
    std::string authorization = first(request, "authorization");
    if (authorization.rfind("Signature ", 0) == 0) signature = authorization;
  }
  if (signature.empty()) throw SignatureRejected("request is not signed (no Signature header)");
  return verify_cavage(request, signature, now_seconds);
}

store::AccountRecord SignatureVerifier::verify_cavage(const IncomingRequest& request, const std::string& header_value,
                                                      int64_t now_seconds) const {
  std::string problem;
  auto params = crypto::parse_signature_header(header_value, &problem);
  if (!params) throw SignatureRejected("malformed Signature header: " + problem);

  if (!covers(*params, "(request-target)")) throw SignatureRejected("the signature must cover (request-target)");
  if (!covers(*params, "host")) throw SignatureRejected("the signature must cover host");
  if (!covers(*params, "date") && !covers(*params, "(created)")) {
    throw SignatureRejected("the signature must cover date or (created)");
  }

  auto check_time = [&](int64_t sent, const std::string& what) {
    if (sent < now_seconds - window_.max_age_seconds) throw SignatureRejected(what + " is too old (replayed request?)");
    if (sent > now_seconds + window_.max_future_seconds) throw SignatureRejected(what + " is in the future");
  };
  if (covers(*params, "date")) {
    auto date = crypto::parse_http_date(first(request, "date"));
    if (!date) throw SignatureRejected("missing or malformed Date header");
    check_time(*date, "Date");
  }
  if (covers(*params, "(created)") && params->created) check_time(*params->created, "signature creation time");
  if (params->expires && *params->expires < now_seconds) throw SignatureRejected("the signature has expired");

  if (request.method != "GET" && request.method != "HEAD") {
    if (!covers(*params, "digest")) throw SignatureRejected("the signature must cover digest");
    switch (crypto::check_digest(first(request, "digest"), request.body)) {
      case crypto::DigestCheck::Match: break;
      case crypto::DigestCheck::Mismatch: throw SignatureRejected("Digest does not match the body");
      case crypto::DigestCheck::NoSupportedAlgorithm: throw SignatureRejected("Digest has no SHA-256 or SHA-512 value");
      case crypto::DigestCheck::Malformed: throw SignatureRejected("malformed Digest header");
    }
  }

  // Mastodon verifies with the query string and, failing that, without it; senders differ in what they sign.
  std::vector<std::string> signing_strings;
  for (const std::string& target : {request.query.empty() ? request.path : request.path + "?" + request.query, request.path}) {
    auto text = crypto::build_signing_string(request.method, target, params->headers, request.header, &*params, &problem);
    if (!text) throw SignatureRejected("cannot rebuild the signed text: " + problem);
    if (std::find(signing_strings.begin(), signing_strings.end(), *text) == signing_strings.end()) {
      signing_strings.push_back(*text);
    }
  }

  auto verifies_with = [&](const store::AccountRecord& actor) {
    for (const auto& text : signing_strings) {
      auto result = crypto::verify_signature(params->algorithm, actor.public_key_pem, text, params->signature);
      if (result == crypto::VerifyResult::Valid) return true;
      if (result == crypto::VerifyResult::UnsupportedAlgorithm) {
        throw SignatureRejected("unsupported signature algorithm \"" + params->algorithm + "\"");
      }
    }
    return false;
  };

  store::AccountRecord actor;
  try {
    actor = resolver_.by_key_id(params->key_id);
  } catch (const ResolveError& e) {
    throw SignatureRejected("cannot get the key " + params->key_id + ": " + e.what());
  }
  if (verifies_with(actor)) return actor;
  // Refetch only a key we have not just fetched, so bad signatures cannot make us hammer a server.
  const bool recently_fetched = actor.last_fetched_at && *actor.last_fetched_at / 1000 > now_seconds - 60;
  if (!actor.local() && !recently_fetched) {
    // The actor may have rotated its key since we cached it: fetch once more.
    try {
      actor = resolver_.by_key_id(params->key_id, /*refresh=*/true);
    } catch (const ResolveError& e) {
      throw SignatureRejected("signature does not verify, and refetching the key failed: " + std::string(e.what()));
    }
    if (verifies_with(actor)) return actor;
  }
  throw SignatureRejected("signature does not verify with the key " + params->key_id);
}

}  // namespace vmst::federation
