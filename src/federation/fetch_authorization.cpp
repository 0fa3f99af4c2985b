#include "federation/fetch_authorization.hpp"

#include "federation/blocked_signer.hpp"
#include "store/domain_block_store.hpp"

namespace vmst::federation {

void FetchAuthorization::check(const IncomingRequest& request, int64_t now_seconds) const {
  // A blocked server is refused even when signatures are optional: it said who it is.
  if (refused_signer_host(db_, request)) throw FetchForbidden("your server is blocked by this instance");
  if (!verifier_) return;
  auto signer = verifier_->verify(request, now_seconds);
  if (signer.domain && db_.read([&](store::Connection& c) { return store::refuses_federation_with(c, *signer.domain); })) {
    throw FetchForbidden("your server is blocked by this instance");
  }
}

}  // namespace vmst::federation
