#include "federation/signature_verifier.hpp"

#include <catch2/catch.hpp>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "crypto/http_date.hpp"
#include "crypto/http_digest.hpp"
#include "crypto/http_signature.hpp"
#include "crypto/rsa_keys.hpp"
#include "federation/rfc9421_verifier.hpp"
#include "services/instance_actor.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"
#include "time/timestamps.hpp"

using namespace vmst;

namespace {

// A remote server on loopback serving one actor, whose key the test can rotate.
struct RemoteServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex mutex;
  std::string public_pem;
  int actor_fetches = 0;

  explicit RemoteServer(std::string pem) : public_pem(std::move(pem)) {
    server.Get("/users/bob", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard lock(mutex);
      ++actor_fetches;
      nlohmann::json actor = {{"id", actor_id()}, {"type", "Person"}, {"preferredUsername", "bob"},
                              {"inbox", actor_id() + "/inbox"},
                              {"publicKey", {{"id", key_id()}, {"owner", actor_id()}, {"publicKeyPem", public_pem}}}};
      res.set_content(actor.dump(), "application/activity+json");
    });
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~RemoteServer() {
    server.stop();
    thread.join();
  }
  std::string actor_id() const { return "http://127.0.0.1:" + std::to_string(port) + "/users/bob"; }
  std::string key_id() const { return actor_id() + "#main-key"; }
  void rotate(std::string pem) {
    std::lock_guard lock(mutex);
    public_pem = std::move(pem);
  }
};

struct SignedPost {
  std::map<std::string, std::string> headers;  // lowercased names
  std::string body = R"({"type":"Create"})";
  std::string path = "/inbox";

  federation::IncomingRequest request() const {
    federation::IncomingRequest r;
    r.method = "POST";
    r.path = path;
    r.header = [this](std::string_view name) {
      auto it = headers.find(std::string(name));
      return it == headers.end() ? std::vector<std::string>{} : std::vector<std::string>{it->second};
    };
    r.body = body;
    return r;
  }
};

SignedPost sign_post(const std::string& key_id, const std::string& private_pem, int64_t at_seconds,
                     const std::vector<std::string>& signed_names = {"host", "date", "digest"}) {
  SignedPost post;
  post.headers["host"] = "vmst.test";
  post.headers["date"] = crypto::http_date(at_seconds);
  post.headers["digest"] = crypto::digest_header(post.body);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& name : signed_names) pairs.emplace_back(name, post.headers[name]);
  post.headers["signature"] = *crypto::sign_request(key_id, private_pem, "POST", post.path, pairs);
  return post;
}

struct Fixture {
  testing::TempDir dir;
  store::Database db{store::DatabaseOptions{dir.path() / "vmst.db", 2, 2000, 2}};
  federation::LocalUrls urls{"http://vmst.test"};
  crypto::KeyPair key1 = crypto::generate_rsa_keypair();
  crypto::KeyPair key2 = crypto::generate_rsa_keypair();
  RemoteServer remote{key1.public_pem};
  federation::ActorResolver resolver{db, net::NetPolicy{true, true, "vmst-test"}, urls};
  federation::SignatureVerifier verifier{resolver};
  int64_t now = now_millis() / 1000;

  Fixture() {
    store::apply_migrations(db);
    services::ensure_instance_actor(db, urls, "vmst.test");
  }

  std::string rejection(const SignedPost& post, int64_t at) {
    try {
      verifier.verify(post.request(), at);
    } catch (const federation::SignatureRejected& e) {
      return e.what();
    }
    return "(accepted)";
  }
};

}  // namespace

TEST_CASE("a correctly signed POST verifies and its actor is fetched once and cached", "[signature_verifier]") {
  Fixture f;
  auto actor = f.verifier.verify(sign_post(f.remote.key_id(), f.key1.private_pem, f.now).request(), f.now);
  CHECK(actor.uri == f.remote.actor_id());
  CHECK(actor.domain == std::optional<std::string>("127.0.0.1:" + std::to_string(f.remote.port)));
  f.verifier.verify(sign_post(f.remote.key_id(), f.key1.private_pem, f.now).request(), f.now);
  CHECK(f.remote.actor_fetches == 1);
}

TEST_CASE("a rotated key is fetched again once and then verifies", "[signature_verifier]") {
  Fixture f;
  f.verifier.verify(sign_post(f.remote.key_id(), f.key1.private_pem, f.now).request(), f.now);
  f.remote.rotate(f.key2.public_pem);
  // Two minutes later (a refetch is allowed once the cached copy is a minute old).
  int64_t later = f.now + 120;
  auto actor = f.verifier.verify(sign_post(f.remote.key_id(), f.key2.private_pem, later).request(), later);
  CHECK(actor.public_key_pem == f.key2.public_pem);
  CHECK(f.remote.actor_fetches == 2);
}

TEST_CASE("a bad signature does not make vmst refetch a key it just fetched", "[signature_verifier]") {
  Fixture f;
  f.verifier.verify(sign_post(f.remote.key_id(), f.key1.private_pem, f.now).request(), f.now);
  auto forged = sign_post(f.remote.key_id(), f.key2.private_pem, f.now);
  CHECK(f.rejection(forged, f.now).find("does not verify") != std::string::npos);
  CHECK(f.remote.actor_fetches == 1);
}

TEST_CASE("requests missing what the policy requires are rejected with the reason", "[signature_verifier]") {
  Fixture f;
  SignedPost unsigned_post;
  unsigned_post.headers["date"] = crypto::http_date(f.now);
  CHECK(f.rejection(unsigned_post, f.now) == "request is not signed (no Signature header)");

  auto no_digest = sign_post(f.remote.key_id(), f.key1.private_pem, f.now, {"host", "date"});
  CHECK(f.rejection(no_digest, f.now) == "the signature must cover digest");

  auto no_host = sign_post(f.remote.key_id(), f.key1.private_pem, f.now, {"date", "digest"});
  CHECK(f.rejection(no_host, f.now) == "the signature must cover host");

  auto tampered = sign_post(f.remote.key_id(), f.key1.private_pem, f.now);
  tampered.body = R"({"type":"Delete"})";
  CHECK(f.rejection(tampered, f.now) == "Digest does not match the body");

  auto old = sign_post(f.remote.key_id(), f.key1.private_pem, f.now - 13 * 3600);
  CHECK(f.rejection(old, f.now) == "Date is too old (replayed request?)");
  auto future = sign_post(f.remote.key_id(), f.key1.private_pem, f.now + 2 * 3600);
  CHECK(f.rejection(future, f.now) == "Date is in the future");

  auto garbage = sign_post(f.remote.key_id(), f.key1.private_pem, f.now);
  garbage.headers["signature"] = "this is not a signature header";
  CHECK(f.rejection(garbage, f.now).rfind("malformed Signature header", 0) == 0);

  auto unknown_host = sign_post("http://127.0.0.1:1/users/nobody#main-key", f.key1.private_pem, f.now);
  CHECK(f.rejection(unknown_host, f.now).rfind("cannot get the key", 0) == 0);
  CHECK(f.remote.actor_fetches == 0);
}

TEST_CASE("a request carrying Signature-Input goes to the RFC 9421 verifier, not the draft-cavage one",
          "[signature_verifier]") {
  Fixture f;
  // A valid draft-cavage signature plus Signature-Input: the RFC 9421 reading wins, as it does in Mastodon.
  auto post = sign_post(f.remote.key_id(), f.key1.private_pem, f.now);
  post.headers["signature-input"] = "sig1=(\"@method\" \"@target-uri\");created=" + std::to_string(f.now) +
                                    ";keyid=\"" + f.remote.key_id() + "\";alg=\"rsa-v1_5-sha256\"";
  CHECK(f.rejection(post, f.now) == "RFC 9421 signatures are not supported yet");
  CHECK(f.remote.actor_fetches == 0);
}

TEST_CASE("a draft-cavage request without Signature-Input still verifies the cavage way", "[signature_verifier]") {
  Fixture f;
  auto post = sign_post(f.remote.key_id(), f.key1.private_pem, f.now);
  CHECK_FALSE(federation::uses_rfc9421(post.request()));
  CHECK(f.rejection(post, f.now) == "(accepted)");
}
