#pragma once
// Authorized fetch (Mastodon's secure mode): when federation.authorized_fetch is on, GETs of actors' content
// (collections, statuses) must be signed by an actor whose domain is not refused (suspended, or not allowed in
// allowlist mode). Actor documents and keys are always served, or two secure-mode servers could never verify
// each other. A request signed by a refused server is turned away whether or not authorized fetch is on.
#include "federation/signature_verifier.hpp"
#include "store/database.hpp"

namespace vmst::federation {

class FetchAuthorization {
 public:
  // verifier null: authorized fetch is off and every GET is allowed.
  FetchAuthorization(store::Database& db, const SignatureVerifier* verifier) : db_(db), verifier_(verifier) {}

  // Throws SignatureRejected (401) for a missing or bad signature, FetchForbidden (403) for a blocked domain.
  void check(const IncomingRequest& request, int64_t now_seconds) const;

 private:
  store::Database& db_;
  const SignatureVerifier* verifier_;
};

class FetchForbidden : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vmst::federation
