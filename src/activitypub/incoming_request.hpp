#pragma once
#include <httplib.h>

#include "federation/signature_verifier.hpp"

namespace vmst::activitypub {

// Adapts a cpp-httplib request to what the federation layer reads. The result refers to `req`.
federation::IncomingRequest incoming_request(const httplib::Request& req);

}  // namespace vmst::activitypub
