#pragma once
// What happens to a POST at an inbox before the 202: the signature is verified, the signer must be the
// activity's actor, objects a Create/Update carries must come from the actor's host, and the activity is stored
// durably (once per id). Processing happens later, off the request (federation/inbox_processor). The exception: an
// unknown actor's Delete of itself is acknowledged at once, neither verified (no key fetch) nor stored.
//
// Runs on the HTTP worker serving the POST.
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "federation/signature_verifier.hpp"
#include "store/database.hpp"

namespace vmst::federation {

// The activity itself is unacceptable (not JSON, no type, no actor): 400.
class MalformedActivity : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The sender's domain is suspended, or not on the allow list in allowlist mode: 403, before any key is fetched.
class DomainRefused : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// UnknownActorDeleted: a Delete of an actor we do not know, by itself; acknowledged, neither verified nor stored.
enum class IntakeResult { Stored, AlreadyReceived, UnknownActorDeleted };

class InboxIntake {
 public:
  InboxIntake(store::Database& db, const SignatureVerifier& verifier);

  // Throws DomainRefused (403), SignatureRejected (401) or MalformedActivity (400); nothing is stored then.
  IntakeResult receive(const IncomingRequest& request, int64_t now_millis) const;

  // Called after a new activity is committed (the inbox processor's wake-up). Set before serving.
  void set_on_stored(std::function<void()> callback) { on_stored_ = std::move(callback); }

  // Called with the verified signer of every accepted activity, new or replayed (the app queues a refresh of a
  // stale actor from it without making the POST wait). Set before serving.
  void set_on_signer(std::function<void(const store::AccountRecord&)> callback) { on_signer_ = std::move(callback); }

 private:
  store::Database& db_;
  const SignatureVerifier& verifier_;
  std::function<void()> on_stored_;
  std::function<void(const store::AccountRecord&)> on_signer_;
};

}  // namespace vmst::federation
