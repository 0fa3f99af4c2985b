#pragma once
// Turning away requests signed by a blocked server before any work is done for them: the keyId of a Signature
// header names the signer's host, which is checked against the domain blocks (and the allow list in allowlist
// mode) without fetching the key. Used by the inbox (403) and by fetches of content (403).
#include <optional>
#include <string>

#include "federation/signature_verifier.hpp"
#include "store/database.hpp"

namespace vmst::federation {

// The host of the signing key when federation with it is refused; nullopt when the request is unsigned, its
// signature unparsable (the verifier reports that), or the host is fine.
std::optional<std::string> refused_signer_host(store::Database& db, const IncomingRequest& request);

}  // namespace vmst::federation
