"""Following across servers with a real Fedify peer: a Fedify actor follows a vmst user and gets Accept (or waits,
for a locked account, or gets Reject, when blocked); Undo removes the follow."""

import pytest

from api_client import sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until

AP = {"Accept": "application/activity+json"}


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.4", name="fedify") as peer:
        start_with_peer(vmst, peer)
        for name in ("alice", "lena", "bea"):
            vmst.cli("account", "create", name, "--email", f"{name}@example.org")
        yield vmst, peer


def followers(vmst, name):
    return vmst.request("GET", f"/users/{name}/followers", headers=AP).json()["totalItems"]


def test_a_fedify_actor_follows_a_vmst_user_and_gets_accept(network):
    vmst, peer = network
    peer.create_actor("fran")
    result = peer.follow("fran", f"{vmst.base_url}/users/alice", wait=15)
    assert result["state"] == "accepted", result
    accept = peer.wait_for("Accept", actor=f"{vmst.base_url}/users/alice")[0]
    # Fedify checked the HTTP signature vmst made with alice's key.
    assert accept["http_signature"]["verified"] is True
    assert accept["http_signature"]["key_id"] == f"{vmst.base_url}/users/alice#main-key"
    assert followers(vmst, "alice") == 1
    page = vmst.request("GET", "/users/alice/followers?page=1", headers=AP).json()
    assert page["orderedItems"] == [peer.actor_url("fran")]
    kinds = sql(vmst, "SELECT n.type FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE a.username = 'alice'")
    assert kinds == [("follow",)]


def test_undo_follow_removes_the_follower(network):
    vmst, peer = network
    peer.create_actor("uma")
    assert peer.follow("uma", f"{vmst.base_url}/users/alice", wait=15)["state"] == "accepted"
    before = followers(vmst, "alice")
    peer.unfollow("uma", f"{vmst.base_url}/users/alice")
    assert wait_until(lambda: followers(vmst, "alice") == before - 1)


def test_a_locked_account_leaves_the_follow_pending(network):
    vmst, peer = network
    sql(vmst, "UPDATE accounts SET locked = 1 WHERE username = 'lena'")
    peer.create_actor("pete")
    result = peer.follow("pete", f"{vmst.base_url}/users/lena", wait=2)
    assert result["state"] == "pending"
    assert wait_until(lambda: sql(vmst, "SELECT count(*) FROM follow_requests fr JOIN accounts a"
                                        " ON a.id = fr.target_account_id WHERE a.username = 'lena'") == [(1,)])
    assert followers(vmst, "lena") == 0


def test_a_blocked_actor_gets_reject(network):
    vmst, peer = network
    peer.create_actor("max")
    # vmst learns about max first (an account row to block), then bea blocks him.
    vmst.cli("federation", "lookup", peer.actor_url("max"))
    sql(vmst, "INSERT INTO blocks (id, account_id, target_account_id, created_at) SELECT 1,"
              " (SELECT id FROM accounts WHERE username = 'bea'), (SELECT id FROM accounts WHERE uri = ?), 0",
        peer.actor_url("max"))
    result = peer.follow("max", f"{vmst.base_url}/users/bea", wait=15)
    assert result["state"] == "rejected", result
    assert followers(vmst, "bea") == 0
