#pragma once
// The seam for RFC 9421 HTTP Message Signatures (Signature-Input + Signature: sig1=:...:), the scheme peers are
// moving to from draft-cavage. SignatureVerifier routes any request carrying Signature-Input here. Until the
// verification is written (rsa-v1_5-sha256 first, checked against the RFC's appendix B vectors) such requests are
// refused with a reason the sender's admin can read, rather than misread as draft-cavage.
#include "federation/signature_verifier.hpp"

namespace vmst::federation {

// True when the request is signed the RFC 9421 way (it names its covered components in Signature-Input).
bool uses_rfc9421(const IncomingRequest& request);

// The actor that signed the request. Throws SignatureRejected; today always "not supported yet".
store::AccountRecord verify_rfc9421(const IncomingRequest& request, int64_t now_seconds);

}  // namespace vmst::federation
