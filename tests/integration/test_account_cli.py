"""vmst account show|list|approve|reject|suspend|unsuspend|silence|unsilence|delete|role against a running server:
each command's effect seen through the client API and the ActivityPub endpoints, bad input refused with a clear
message, a non-zero exit and nothing changed; and, with a Fedify peer, what a suspension or deletion tells other
servers."""
import json

import pytest

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance
from oauth_helpers import client_token, get, password_token, post_form, register_app

AP = {"Accept": "application/activity+json"}


def show(vmst, name):
    return json.loads(vmst.cli("account", "show", name, "--json").stdout)


def test_show_and_list_describe_accounts_as_json(vmst):
    make_user(vmst, "alice")
    make_user(vmst, "bob", admin=True)
    alice = show(vmst, "alice")
    assert (alice["username"], alice["acct"], alice["local"], alice["role"], alice["state"]) == \
        ("alice", "alice", True, "user", "active")
    assert alice["email"] == "alice@example.test"
    assert show(vmst, f"@bob@{vmst.domain}")["role"] == "admin"
    listed = json.loads(vmst.cli("account", "list", "--json").stdout)
    assert sorted(a["username"] for a in listed) == ["alice", "bob"]
    assert json.loads(vmst.cli("account", "list", "--json", "--pending").stdout) == []
    text = vmst.cli("account", "show", "alice").stdout
    assert "alice@example.test" in text and "active" in text

    assert vmst.cli_error("account", "show", "nobody") == 'vmst: no account "nobody"'
    assert "no account" in vmst.cli_error("account", "show", "nobody@elsewhere.example")


def test_suspension_refuses_the_token_and_hides_the_profile_and_statuses(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    post = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "before"}).json()
    assert api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token).status == 200
    boost = api(vmst, "POST", f"/api/v1/statuses/{post['id']}/reblog", bob.token).json()

    def bob_sees_boost():
        home = [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", bob.token).json()]
        profile = [s["id"] for s in api(vmst, "GET", f"/api/v1/accounts/{bob.id}/statuses", bob.token).json()]
        return boost["id"] in home, boost["id"] in profile

    assert bob_sees_boost() == (True, True)

    out = vmst.cli("account", "suspend", "alice").stdout
    assert "Suspended @alice" in out
    refused = api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token)
    assert refused.status == 403 and refused.json() == {"error": "Your login is currently disabled"}
    # The suspended account's boosted status leaves the booster's home and profile with it.
    assert bob_sees_boost() == (False, False)
    app = register_app(vmst)
    assert password_token(vmst, app, alice.email, alice.password).status in (400, 401)

    seen = api(vmst, "GET", f"/api/v1/accounts/{alice.id}", bob.token).json()
    assert seen["suspended"] is True and seen["display_name"] == "" and seen["note"] == ""
    assert api(vmst, "GET", f"/api/v1/statuses/{post['id']}", bob.token).status == 404
    assert api(vmst, "GET", f"/api/v1/accounts/{alice.id}/statuses", bob.token).json() == []
    assert post["id"] not in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/public").json()]
    # ActivityPub: the actor is an empty shell marked suspended; its statuses and collections are refused.
    actor = vmst.request("GET", "/users/alice", headers=AP)
    assert actor.status == 200 and actor.json()["suspended"] is True
    assert vmst.request("GET", f"/users/alice/statuses/{post['id']}", headers=AP).status == 403
    assert vmst.request("GET", "/users/alice/followers", headers=AP).status == 403
    for path in ("/users/alice/outbox", "/users/alice/outbox?page=true", "/users/alice/collections/featured"):
        assert vmst.request("GET", path, headers=AP).status == 403, path
    assert show(vmst, "alice")["state"] == "suspended"

    assert "already suspended" in vmst.cli_error("account", "suspend", "alice")
    vmst.cli("account", "unsuspend", "alice")
    assert api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token).status == 200
    assert api(vmst, "GET", f"/api/v1/statuses/{post['id']}", bob.token).status == 200
    assert bob_sees_boost() == (True, True)
    assert "not suspended" in vmst.cli_error("account", "unsuspend", "alice")
    assert "no account" in vmst.cli_error("account", "suspend", "nobody")
    actions = [r[0] for r in sql(vmst, "SELECT action FROM admin_action_logs WHERE target_id = ? ORDER BY id",
                                 alice.id)]
    assert actions == ["suspend_account", "unsuspend_account"]


def test_silenced_accounts_stay_out_of_public_timelines(vmst):
    carol = make_user(vmst, "carol")
    dave = make_user(vmst, "dave")
    vmst.cli("account", "silence", "carol")
    quiet = api(vmst, "POST", "/api/v1/statuses", carol.token, json_body={"status": "quiet"}).json()
    public_ids = lambda token=None: [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/public", token).json()]
    assert quiet["id"] not in public_ids()
    assert quiet["id"] not in public_ids(dave.token)
    assert quiet["id"] in public_ids(carol.token)  # one's own posts
    assert api(vmst, "GET", f"/api/v1/accounts/{carol.id}", dave.token).json()["limited"] is True
    assert "already silenced" in vmst.cli_error("account", "silence", "carol")
    vmst.cli("account", "unsilence", "carol")
    assert quiet["id"] in public_ids()


def test_a_silence_from_the_cli_shows_at_once_on_statuses_the_server_has_rendered_before(vmst):
    # The server keeps the accounts it renders in memory; a change made by another process (this CLI) must still be
    # seen by the very next request.
    erin = make_user(vmst, "erin-cached")
    frank = make_user(vmst, "frank-cached")
    assert api(vmst, "POST", f"/api/v1/accounts/{erin.id}/follow", frank.token).status == 200
    posted = api(vmst, "POST", "/api/v1/statuses", erin.token, json_body={"status": "cached"}).json()

    def erin_in_franks_home():
        page = api(vmst, "GET", "/api/v1/timelines/home", frank.token).json()
        return next(s["account"] for s in page if s["id"] == posted["id"])

    assert erin_in_franks_home().get("limited", False) is False
    assert erin_in_franks_home().get("limited", False) is False  # now from memory
    vmst.cli("account", "silence", "erin-cached")
    assert erin_in_franks_home()["limited"] is True
    vmst.cli("account", "unsilence", "erin-cached")
    assert erin_in_franks_home().get("limited", False) is False


def test_roles_change_and_bad_roles_change_nothing(vmst):
    make_user(vmst, "erin")
    vmst.cli("account", "role", "erin", "moderator")
    assert show(vmst, "erin")["role"] == "moderator"
    err = vmst.cli_error("account", "role", "erin", "king")
    assert "role \"king\" is not one of user, moderator, admin" in err
    assert "no account" in vmst.cli_error("account", "role", "nobody", "admin")
    assert show(vmst, "erin")["role"] == "moderator"
    assert sql(vmst, "SELECT count(*) FROM admin_action_logs WHERE action = 'change_role_user'") == [(1,)]


def test_deleting_an_account_removes_it_for_good_and_keeps_the_name(vmst):
    gina = make_user(vmst, "gina")
    post = api(vmst, "POST", "/api/v1/statuses", gina.token, json_body={"status": "soon gone"}).json()
    out = vmst.cli("account", "delete", "gina").stdout
    assert "Deleted @gina (1 status(es) removed)" in out
    assert api(vmst, "GET", "/api/v1/accounts/verify_credentials", gina.token).status == 401
    assert vmst.request("GET", "/users/gina", headers=AP).status == 410
    assert vmst.request("GET", f"/users/gina/statuses/{post['id']}", headers=AP).status == 410
    assert api(vmst, "GET", f"/api/v1/statuses/{post['id']}").status == 404
    assert show(vmst, "gina")["state"] == "deleted"
    # The name stays taken, from the CLI and through sign-up.
    taken = vmst.cli("account", "create", "gina", "--email", "other@example.test", check=False)
    assert taken.returncode != 0 and "already taken" in taken.stderr
    # (Registrations are closed by default: an invite lets the sign-up reach the name check.)
    invite = json.loads(vmst.cli("invite", "create", "--json").stdout)["code"]
    r = post_form(vmst, "/api/v1/accounts", {"username": "gina", "email": "new@example.test", "invite_code": invite,
                                              "password": "a long password", "agreement": "true"},
                  headers={"Authorization": f"Bearer {client_token(vmst, register_app(vmst))}"})
    assert r.status == 422 and r.json()["details"]["username"][0]["error"] == "ERR_TAKEN"
    assert "was deleted" in vmst.cli_error("account", "delete", "gina")
    assert "no account" in vmst.cli_error("account", "delete", "nobody")


def test_approval_mode_keeps_a_sign_up_out_until_approved():
    with VmstInstance(settings={"instance": {"registrations": "approval"}}) as vmst:
        vmst.start()
        app = register_app(vmst)

        def sign_up(name):
            r = post_form(vmst, "/api/v1/accounts",
                          {"username": name, "email": f"{name}@example.test", "password": "a long password",
                           "agreement": "true", "reason": "I'd like to join"},
                          headers={"Authorization": f"Bearer {client_token(vmst, app)}"})
            assert r.status == 200, r.body
            return r.json()["access_token"]

        token = sign_up("hank")
        pending = get(vmst, "/api/v1/accounts/verify_credentials", token)
        assert pending.status == 403 and pending.json()["error"] == "Your login is currently pending approval"
        assert [a["username"] for a in json.loads(vmst.cli("account", "list", "--pending", "--json").stdout)] == \
            ["hank"]
        # A pending account does not exist for other servers.
        assert vmst.request("GET", "/users/hank", headers=AP).status == 404

        vmst.cli("account", "approve", "hank")
        assert get(vmst, "/api/v1/accounts/verify_credentials", token).status == 200
        assert vmst.request("GET", "/users/hank", headers=AP).status == 200
        assert "not waiting for approval" in vmst.cli_error("account", "approve", "hank")
        assert "not waiting for approval" in vmst.cli_error("account", "reject", "hank")
        assert "no account" in vmst.cli_error("account", "approve", "nobody")

        sign_up("ivan")
        vmst.cli("account", "reject", "ivan")
        assert sql(vmst, "SELECT count(*) FROM accounts WHERE username = 'ivan'") == [(0,)]
        sign_up("ivan")  # a rejected sign-up's name is free again


# --- with a Fedify peer ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.6", name="fedify") as peer:
        start_with_peer(vmst, peer)
        for name in ("alice", "carol", "dan"):
            vmst.cli("account", "create", name, "--email", f"{name}@example.org")
        peer.create_actor("fran")
        for name in ("alice", "carol", "dan"):
            result = peer.follow("fran", f"{vmst.base_url}/users/{name}", wait=15)
            assert result["state"] == "accepted", result
        yield vmst, peer


def test_suspending_a_followed_account_sends_its_followers_an_update_marked_suspended(network):
    vmst, peer = network
    actor = f"{vmst.base_url}/users/alice"
    vmst.cli("account", "suspend", "alice")
    update = peer.wait_for("Update", actor=actor, timeout=20,
                           predicate=lambda a: a["json"]["object"].get("suspended") is True)[0]
    assert update["http_signature"]["verified"] is True
    assert update["json"]["object"]["id"] == actor
    assert update["json"]["object"]["name"] == ""
    vmst.cli("account", "unsuspend", "alice")
    peer.wait_for("Update", actor=actor, timeout=20,
                  predicate=lambda a: "suspended" not in a["json"]["object"])


def test_deleting_a_followed_account_sends_a_delete_of_the_actor(network):
    vmst, peer = network
    actor = f"{vmst.base_url}/users/carol"
    vmst.cli("account", "delete", "carol")
    # Fedify verifies it although the actor now answers 410 (its key was known from the follow), and forgets the
    # relationship, as Mastodon does on an actor's Delete.
    delete = peer.wait_for("Delete", actor=actor, timeout=20)[0]
    assert delete["json"]["object"] == actor
    assert delete["outcome"] == "actor deleted"


def test_suspending_a_remote_account_rejects_its_follows(network):
    vmst, peer = network
    handle = f"fran@{peer.host}:{peer.port}"
    vmst.cli("account", "suspend", handle)
    reject = peer.wait_for("Reject", actor=f"{vmst.base_url}/users/dan", timeout=20)[0]
    assert reject["http_signature"]["verified"] is True
    assert show(vmst, handle)["state"] == "suspended"
    assert vmst.request("GET", "/users/dan/followers", headers=AP).json()["totalItems"] == 0
    vmst.cli("account", "silence", handle)
    assert show(vmst, handle)["silenced"] is True
    vmst.cli("account", "unsuspend", handle)
    assert show(vmst, handle)["state"] == "silenced"
