"""Block, Undo{Block} and Move from a real Fedify peer, and remote actors refreshed when stale: a remote actor that
blocks a vmst user ends their follows both ways and shows as blocked_by until it lifts the block; an account that
moves (with the new account naming the old in alsoKnownAs) takes vmst followers along, an unproven Move changes
nothing; an actor stored more than a day ago is fetched again in the background when it next sends something."""
import time

import pytest

from api_client import api, make_user, relationship, resolve_account, sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.7", name="fedify") as peer:
        start_with_peer(vmst, peer)
        tokens = {name: make_user(vmst, name).token for name in ("alice", "carol")}
        yield vmst, peer, tokens


def follow(vmst, token, target, **options):
    r = api(vmst, "POST", f"/api/v1/accounts/{target}/follow", token, json_body=options or None)
    assert r.status == 200, r.body
    assert wait_until(lambda: relationship(vmst, token, target)["following"]), vmst.log()[-3000:]


def test_a_remote_block_severs_follows_and_shows_as_blocked_by_until_undone(network):
    vmst, peer, t = network
    alice_uri = f"{vmst.base_url}/users/alice"
    peer.create_actor("bruno")
    bruno = resolve_account(vmst, t["alice"], peer.handle("bruno"))
    follow(vmst, t["alice"], bruno)
    assert peer.follow("bruno", alice_uri, wait=15)["state"] == "accepted"
    assert relationship(vmst, t["alice"], bruno)["followed_by"] is True
    peer.clear_received()

    peer.block("bruno", alice_uri)
    assert wait_until(lambda: relationship(vmst, t["alice"], bruno)["blocked_by"]), vmst.log()[-3000:]
    rel = relationship(vmst, t["alice"], bruno)
    assert rel["following"] is False and rel["followed_by"] is False and rel["requested"] is False
    # As Mastodon: alice's follow is undone towards bruno, bruno's follow of alice is rejected.
    undo = peer.wait_for("Undo", actor=alice_uri)[0]
    assert undo["http_signature"]["verified"] is True
    peer.wait_for("Reject", actor=alice_uri)
    # alice cannot follow someone who blocks her.
    assert api(vmst, "POST", f"/api/v1/accounts/{bruno}/follow", t["alice"]).status == 403

    peer.unblock("bruno", alice_uri)
    assert wait_until(lambda: not relationship(vmst, t["alice"], bruno)["blocked_by"]), vmst.log()[-3000:]


def test_a_proven_move_takes_local_followers_to_the_new_account(network):
    vmst, peer, t = network
    alice_uri = f"{vmst.base_url}/users/alice"
    peer.create_actor("olga")
    peer.create_actor("olga2", aliases=[peer.actor_url("olga")])
    olga = resolve_account(vmst, t["alice"], peer.handle("olga"))
    follow(vmst, t["alice"], olga, notify=True, reblogs=False)
    peer.clear_received()

    peer.move("olga", peer.actor_url("olga2"))
    moved = wait_until(lambda: api(vmst, "GET", f"/api/v1/accounts/{olga}", t["alice"]).json()["moved"])
    assert moved, vmst.log()[-3000:]
    assert moved["acct"] == peer.handle("olga2")
    # alice follows olga2 now (the peer accepted her Follow), with the choices she had made for olga.
    assert wait_until(lambda: relationship(vmst, t["alice"], moved["id"])["following"]), vmst.log()[-3000:]
    rel = relationship(vmst, t["alice"], moved["id"])
    assert rel["notifying"] is True and rel["showing_reblogs"] is False
    assert relationship(vmst, t["alice"], olga)["following"] is False
    follow_out = peer.wait_for("Follow", actor=alice_uri)[0]
    assert follow_out["object"] == peer.actor_url("olga2")
    undo = peer.wait_for("Undo", actor=alice_uri)[0]
    assert undo["json"]["object"]["object"] == peer.actor_url("olga")

    # A replay changes nothing: no second Follow goes out.
    peer.move("olga", peer.actor_url("olga2"))
    time.sleep(1)
    assert len(peer.received(type="Follow", actor=alice_uri)) == 1


def test_a_move_to_an_account_that_does_not_name_the_old_one_is_refused(network):
    vmst, peer, t = network
    peer.create_actor("nico")
    peer.create_actor("nico2")
    nico = resolve_account(vmst, t["carol"], peer.handle("nico"))
    follow(vmst, t["carol"], nico)
    peer.move("nico", peer.actor_url("nico2"))
    assert wait_until(lambda: "Move of " + peer.actor_url("nico") in vmst.log()), vmst.log()[-3000:]
    assert api(vmst, "GET", f"/api/v1/accounts/{nico}", t["carol"]).json()["moved"] is None
    assert relationship(vmst, t["carol"], nico)["following"] is True


def test_a_stale_remote_actor_is_refreshed_in_the_background_when_it_next_sends_something(network):
    vmst, peer, t = network
    alice_uri = f"{vmst.base_url}/users/alice"
    peer.create_actor("stan", name="Stan Old")
    assert peer.follow("stan", alice_uri, wait=15)["state"] == "accepted"
    assert sql(vmst, "SELECT display_name FROM accounts WHERE uri = ?", peer.actor_url("stan")) == [("Stan Old",)]
    # The peer changes the name without telling anyone (stan has no followers), and vmst's copy goes two days old.
    peer.update_actor("stan", name="Stan New")
    two_days_ago = int(time.time() * 1000) - 2 * 24 * 3600 * 1000
    sql(vmst, "UPDATE accounts SET last_fetched_at = ? WHERE uri = ?", two_days_ago, peer.actor_url("stan"))

    note = peer.create_note("stan", content="<p>hello again</p>", mentions=[alice_uri])
    assert all(d["status"] // 100 == 2 for d in note["deliveries"]), note
    assert wait_until(lambda: sql(vmst, "SELECT display_name FROM accounts WHERE uri = ?",
                                  peer.actor_url("stan")) == [("Stan New",)]), vmst.log()[-3000:]
    fetched = sql(vmst, "SELECT last_fetched_at FROM accounts WHERE uri = ?", peer.actor_url("stan"))[0][0]
    assert fetched > two_days_ago
