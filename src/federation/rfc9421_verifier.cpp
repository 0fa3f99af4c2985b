#include "federation/rfc9421_verifier.hpp"

namespace vmst::federation {

bool uses_rfc9421(const IncomingRequest& request) { return !request.header("signature-input").empty(); }

store::AccountRecord verify_rfc9421(const IncomingRequest&, int64_t) {
  throw SignatureRejected("RFC 9421 signatures are not supported yet");
}

}  // namespace vmst::federation
