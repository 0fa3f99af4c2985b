#pragma once
// Signs outgoing requests as Mastodon does (draft-cavage, rsa-sha256): `(request-target) host date` on GET and
// `(request-target) host date digest` on POST, with a fresh Date at each send.
#include <string>

#include "net/http_fetcher.hpp"

namespace vmst::federation {

// A signer for net::fetch that signs as the actor owning `key_id` with `private_key_pem`.
net::RequestSigner sign_as(std::string key_id, std::string private_key_pem);

}  // namespace vmst::federation
