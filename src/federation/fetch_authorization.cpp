#include "federation/fetch_authorization.hpp"

#include "store/domain_block_store.hpp"

namespace vmst::federation {

void FetchAuthorization::check(const IncomingRequest& request, int64_t now_seconds) const {
  if (!verifier_) return;
  auto signer = verifier_->verify(request, now_seconds);
  if (signer.domain && db_.read([&](store::Connection& c) { return store::is_domain_suspended(c, *signer.domain); })) {
    throw FetchForbidden("your server is blocked by this instance");
  }
}

}  // namespace vmst::federation
