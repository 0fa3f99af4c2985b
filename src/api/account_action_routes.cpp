// What the signed-in user does to another account: follow, unfollow, remove from followers, block, unblock, mute,
// unmute, a private note, endorse (pin) and unpin. Each answers with the Relationship as it now is.
#include "api/account_request_support.hpp"
#include "api/path_ids.hpp"
#include "api/accounts_routes.hpp"
#include "api/authentication.hpp"
#include "convert/mastodon/relationship.hpp"
#include "http/error_responses.hpp"
#include "http/request_params.hpp"
#include "services/account_lookup.hpp"
#include "services/blocks.hpp"
#include "services/endorsements.hpp"
#include "services/follows.hpp"
#include "services/mutes.hpp"
#include "services/relationships.hpp"
#include "time/timestamps.hpp"

namespace vmst::api {

namespace {

struct Action {
  store::Connection& c;
  services::Outbox& outbox;
  const store::AccountRecord& me;
  const store::AccountRecord& target;
  const http::RequestParams& params;
  int64_t now;
};

using ActionFn = void (*)(const Action&);

// The change and the answer's relationship come from one write transaction; deliveries wake after its commit.
void act(ApiContext& api, const httplib::Request& req, httplib::Response& res, const http::PathParams& p,
         std::string_view scope, ActionFn fn) {
  auto user = require_user(req, api.db, scope);
  const int64_t id = path_id(p.get("id"));
  const auto params = http::RequestParams::from(req);
  services::Outbox outbox(api.enqueue);
  const int64_t now = now_millis();
  auto relationship = api.db.write([&](store::Connection& c) {
    auto me = services::require_local_account(c, *user.account_id);
    auto target = services::require_account(c, id);
    fn(Action{c, outbox, me, target, params, now});
    return services::relationship(c, me.id, target.id, now);
  });
  if (outbox.sent()) api.wake_delivery();
  http::send_json(res, 200, convert::mastodon::relationship_json(relationship));
}

void follow(const Action& a) {
  services::FollowOptions options;
  options.reblogs = a.params.boolean("reblogs");
  options.notify = a.params.boolean("notify");
  if (a.params.has("languages")) options.languages = a.params.strings("languages");
  services::follow(a.c, a.outbox, a.me, a.target, options, a.now);
}

void unfollow(const Action& a) { services::unfollow(a.c, a.outbox, a.me, a.target, a.now); }

void remove_from_followers(const Action& a) {
  services::remove_from_followers(a.c, a.outbox, a.me, a.target, a.now);
}

void block(const Action& a) { services::block(a.c, a.outbox, a.me, a.target, a.now); }

void unblock(const Action& a) { services::unblock(a.c, a.outbox, a.me, a.target, a.now); }

void mute(const Action& a) {
  services::mute(a.c, a.me, a.target, a.params.flag("notifications", true), a.params.integer("duration"), a.now);
}

void unmute(const Action& a) { services::unmute(a.c, a.me, a.target); }

void note(const Action& a) { services::set_note(a.c, a.me, a.target, a.params.string("comment").value_or("")); }

void pin(const Action& a) { services::endorse(a.c, a.me, a.target, a.now); }

void unpin(const Action& a) { services::unendorse(a.c, a.me, a.target); }

}  // namespace

void add_account_action_routes(http::Router& router, ApiContext& api) {
  struct Route {
    const char* path;
    const char* scope;
    ActionFn fn;
  };
  static constexpr Route kRoutes[] = {
      {"/api/v1/accounts/:id/follow", "write:follows", follow},
      {"/api/v1/accounts/:id/unfollow", "write:follows", unfollow},
      {"/api/v1/accounts/:id/remove_from_followers", "write:follows", remove_from_followers},
      {"/api/v1/accounts/:id/block", "write:blocks", block},
      {"/api/v1/accounts/:id/unblock", "write:blocks", unblock},
      {"/api/v1/accounts/:id/mute", "write:mutes", mute},
      {"/api/v1/accounts/:id/unmute", "write:mutes", unmute},
      {"/api/v1/accounts/:id/note", "write:accounts", note},
      {"/api/v1/accounts/:id/pin", "write:accounts", pin},
      {"/api/v1/accounts/:id/unpin", "write:accounts", unpin},
  };
  for (const auto& route : kRoutes) {
    router.add(http::Method::Post, route.path,
               [&api, route](const httplib::Request& req, httplib::Response& res, const http::PathParams& p) {
                 act(api, req, res, p, route.scope, route.fn);
               });
  }
}

}  // namespace vmst::api
