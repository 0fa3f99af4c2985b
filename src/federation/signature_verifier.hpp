#pragma once
// The policy for signed requests reaching vmst (inbox POSTs, and GETs under authorized fetch), on top of the
// draft-cavage primitives in crypto/http_signature:
//   * the signature must cover (request-target), host, and date or (created); POSTs must also cover digest;
//   * Date (or created) within 12 hours in the past and 1 hour in the future, as Mastodon allows; expires not past;
//   * Digest must match the body;
//   * the key is looked up by keyId (cached in the database), and fetched again once when verification fails, in
//     case the actor rotated its key.
// RFC 9421 (Signature-Input + Signature) is the second scheme peers are moving to: a request carrying
// Signature-Input goes to federation/rfc9421_verifier instead of verify_cavage().
//
// Runs on the HTTP worker handling the request; may block it while a key is fetched.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "federation/actor_resolver.hpp"
#include "store/account_store.hpp"

namespace vmst::federation {

class SignatureRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The parts of a request a verifier reads, independent of the HTTP library.
struct IncomingRequest {
  std::string method;          // upper case
  std::string path;            // without the query
  std::string query;           // without "?", may be empty
  std::function<std::vector<std::string>(std::string_view lowercase_name)> header;
  std::string_view body;
};

struct SignatureWindow {
  int64_t max_age_seconds = 12 * 3600;
  int64_t max_future_seconds = 3600;
};

class SignatureVerifier {
 public:
  explicit SignatureVerifier(ActorResolver& resolver, SignatureWindow window = {});

  // The actor that signed the request. Throws SignatureRejected with a reason a remote admin can act on.
  store::AccountRecord verify(const IncomingRequest& request, int64_t now_seconds) const;

 private:
  store::AccountRecord verify_cavage(const IncomingRequest& request, const std::string& signature_header,
                                     int64_t now_seconds) const;

  ActorResolver& resolver_;
  SignatureWindow window_;
};

}  // namespace vmst::federation
