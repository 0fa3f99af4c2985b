"""The social graph across servers with a real Fedify peer, driven through vmst's client API: following a remote
account (Follow out, the peer's Accept makes it a follow; a Reject drops the request), unfollowing (Undo), a
remote follow request authorized (Accept out), removing a remote follower (Reject out), blocking (Block and
Undo{Block} out), and profile changes reaching followers (Update of the actor, to the shared inbox)."""

import pytest

from api_client import account_id, api, make_user, relationship, resolve_account
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.6", name="fedify") as peer:
        start_with_peer(vmst, peer)
        tokens = {name: make_user(vmst, name).token for name in ("alice", "carol", "vic")}
        yield vmst, peer, tokens


def test_following_a_remote_account_waits_for_its_accept(network):
    vmst, peer, t = network
    peer.create_actor("rita")
    rita = resolve_account(vmst, t["alice"], peer.handle("rita"))
    alice_uri = f"{vmst.base_url}/users/alice"

    r = api(vmst, "POST", f"/api/v1/accounts/{rita}/follow", t["alice"])
    assert r.status == 200, r.body
    assert r.json()["requested"] is True and r.json()["following"] is False

    follow = peer.wait_for("Follow", actor=alice_uri)[0]
    assert follow["http_signature"]["verified"] is True
    assert follow["http_signature"]["key_id"] == f"{alice_uri}#main-key"
    assert wait_until(lambda: relationship(vmst, t["alice"], rita)["following"]), vmst.log()[-3000:]
    rel = relationship(vmst, t["alice"], rita)
    assert rel["requested"] is False and rel["showing_reblogs"] is True
    assert alice_uri in peer.actor("rita")["followers"]
    following = api(vmst, "GET", f"/api/v1/accounts/{account_id(vmst, 'alice')}/following").json()
    assert [a["acct"] for a in following] == [peer.handle("rita")]


def test_unfollowing_a_remote_account_sends_undo(network):
    vmst, peer, t = network
    rita = resolve_account(vmst, t["alice"], peer.handle("rita"))
    assert wait_until(lambda: relationship(vmst, t["alice"], rita)["following"])
    r = api(vmst, "POST", f"/api/v1/accounts/{rita}/unfollow", t["alice"])
    assert r.json()["following"] is False
    alice_uri = f"{vmst.base_url}/users/alice"
    undo = peer.wait_for("Undo", actor=alice_uri)[0]
    assert undo["outcome"] == "unfollowed rita"
    assert alice_uri not in peer.actor("rita")["followers"]


def test_a_remote_reject_drops_the_follow_request(network):
    vmst, peer, t = network
    peer.create_actor("lou", locked=True)
    lou = resolve_account(vmst, t["alice"], peer.handle("lou"))
    assert api(vmst, "POST", f"/api/v1/accounts/{lou}/follow", t["alice"]).json()["requested"] is True
    alice_uri = f"{vmst.base_url}/users/alice"
    assert wait_until(lambda: alice_uri in peer.actor("lou")["follow_requests"])
    peer.reject_follow_request("lou", alice_uri)
    assert wait_until(lambda: not relationship(vmst, t["alice"], lou)["requested"])
    assert relationship(vmst, t["alice"], lou)["following"] is False


def test_authorizing_a_remote_follow_request_sends_accept(network):
    vmst, peer, t = network
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["carol"], form={"locked": "true"})
    peer.create_actor("fred")
    carol_uri = f"{vmst.base_url}/users/carol"
    assert peer.follow("fred", carol_uri, wait=2)["state"] == "pending"
    requests = wait_until(lambda: api(vmst, "GET", "/api/v1/follow_requests", t["carol"]).json())
    assert [a["acct"] for a in requests] == [peer.handle("fred")]
    rel = api(vmst, "POST", f"/api/v1/follow_requests/{requests[0]['id']}/authorize", t["carol"])
    assert rel.status == 200 and rel.json()["followed_by"] is True
    accept = peer.wait_for("Accept", actor=carol_uri)[0]
    assert accept["outcome"] == "follow accepted"
    assert peer.actor("fred")["following"][carol_uri]["state"] == "accepted"


def test_profile_updates_reach_remote_followers_and_removal_sends_reject(network):
    vmst, peer, t = network
    peer.create_actor("vera")
    vic_uri = f"{vmst.base_url}/users/vic"
    assert peer.follow("vera", vic_uri, wait=15)["state"] == "accepted"
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["vic"], form={"display_name": "Victoria"})
    assert r.status == 200
    update = peer.wait_for("Update", actor=vic_uri)[0]
    assert update["json"]["object"]["name"] == "Victoria"
    assert update["json"]["object"]["id"] == vic_uri
    assert update["shared_inbox"] is True

    vera = resolve_account(vmst, t["vic"], peer.handle("vera"))
    assert relationship(vmst, t["vic"], vera)["followed_by"] is True
    r = api(vmst, "POST", f"/api/v1/accounts/{vera}/remove_from_followers", t["vic"])
    assert r.json()["followed_by"] is False
    peer.wait_for("Reject", actor=vic_uri)
    assert wait_until(lambda: vic_uri not in peer.actor("vera")["following"])


def test_blocking_a_remote_account_sends_block_and_undo(network):
    vmst, peer, t = network
    peer.create_actor("bo")
    bo = resolve_account(vmst, t["alice"], peer.handle("bo"))
    alice_uri = f"{vmst.base_url}/users/alice"
    rel = api(vmst, "POST", f"/api/v1/accounts/{bo}/block", t["alice"]).json()
    assert rel["blocking"] is True
    block = peer.wait_for("Block", actor=alice_uri)[0]
    assert block["outcome"] == "bo blocked"
    assert alice_uri in peer.actor("bo")["blocked_by"]
    assert api(vmst, "POST", f"/api/v1/accounts/{bo}/unblock", t["alice"]).json()["blocking"] is False
    undo = peer.wait_for("Undo", actor=alice_uri, predicate=lambda a: (a["json"].get("object") or {}).get("type") == "Block")
    assert undo
