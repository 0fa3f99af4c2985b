"""Statuses crossing servers with a real Fedify peer: vmst's Create reaches a follower with a verified signature;
the peer's notes, edits, deletes, likes and boosts show up through vmst's client API."""
import os
import sqlite3
import time

import pytest

from api_client import api, make_user
from fedify_peer import FedifyPeer
from harness import VmstInstance, wait_until


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.5", name="fedify") as peer:
        peer.launch()
        vmst.start()
        peer.wait_until_ready()
        alice = make_user(vmst, "alice")
        peer.create_actor("fran")
        result = peer.follow("fran", f"{vmst.base_url}/users/alice", wait=15)
        assert result["state"] == "accepted", result
        yield vmst, peer, alice


def status_id_for(vmst, uri, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
        try:
            row = db.execute("SELECT id FROM statuses WHERE uri = ?", (uri,)).fetchone()
        finally:
            db.close()
        if row:
            return str(row[0])
        time.sleep(0.05)
    return None


def test_a_public_post_is_delivered_to_the_remote_follower_signed_by_its_author(network):
    vmst, peer, alice = network
    s = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "hello fediverse #vmst"}).json()
    created = peer.wait_for("Create", actor=f"{vmst.base_url}/users/alice", timeout=15)
    create = [c for c in created if c["json"]["object"]["id"] == s["uri"]][0]
    assert create["http_signature"]["verified"] is True
    note = create["json"]["object"]
    assert note["content"] == s["content"]
    assert note["to"] == ["https://www.w3.org/ns/activitystreams#Public"]


def test_a_remote_note_mentioning_a_local_user_is_stored_sanitised_with_its_mention(network):
    vmst, peer, alice = network
    note = peer.create_note("fran",
                            content=f'<p>hi <a href="{vmst.base_url}/users/alice">@alice</a><script>x()</script></p>',
                            mentions=[f"{vmst.base_url}/users/alice"], hashtags=["Remote"])
    sid = status_id_for(vmst, note["id"])
    assert sid, "the note arrived"
    s = api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).json()
    assert "<script>" not in s["content"] and "hi" in s["content"]
    assert s["account"]["acct"] == f"fran@{peer.host}:{peer.port}" or s["account"]["acct"].startswith("fran@")
    assert [m["acct"] for m in s["mentions"]] == ["alice"]
    assert s["visibility"] == "public"
    # The edit and the delete follow.
    peer.update_note("fran", note["id"], content="<p>edited text</p>")
    edited = wait_until(lambda: (lambda j: j if j.get("edited_at") else None)(
        api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).json()))
    assert edited and "edited text" in edited["content"]
    # alice's boost of it counts among her posts until the note is deleted, and then goes with it.
    boost = api(vmst, "POST", f"/api/v1/statuses/{sid}/reblog", alice.token)
    assert boost.status == 200, boost.body
    posts = api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token).json()["statuses_count"]
    peer.delete_note("fran", note["id"])
    assert wait_until(lambda: api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).status == 404)
    assert api(vmst, "GET", f"/api/v1/statuses/{boost.json()['id']}", alice.token).status == 404
    me = api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token).json()
    assert me["statuses_count"] == posts - 1


def test_remote_likes_and_boosts_count_and_their_undos_uncount(network):
    vmst, peer, alice = network
    s = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "like and boost me"}).json()
    peer.like("fran", s["uri"], deliver_to=[f"{vmst.base_url}/users/alice"])
    peer.announce("fran", s["uri"], deliver_to=[f"{vmst.base_url}/users/alice"])

    def counts():
        j = api(vmst, "GET", f"/api/v1/statuses/{s['id']}", alice.token).json()
        return (j["favourites_count"], j["reblogs_count"])

    assert wait_until(lambda: counts() == (1, 1)), counts()
    peer.unlike("fran", s["uri"])
    peer.unannounce("fran", s["uri"])
    assert wait_until(lambda: counts() == (0, 0)), counts()


def test_favouriting_a_remote_note_sends_a_like_to_its_author(network):
    vmst, peer, alice = network
    # Nobody here follows fran, so only a mention makes the note concern this server.
    note = peer.create_note("fran", content="<p>@alice look</p>",
                            mentions=[f"{vmst.base_url}/users/alice"])
    sid = status_id_for(vmst, note["id"])
    assert sid, vmst.log()[-3000:]
    r = api(vmst, "POST", f"/api/v1/statuses/{sid}/favourite", alice.token)
    assert r.status == 200 and r.json()["favourited"] is True
    likes = peer.wait_for("Like", actor=f"{vmst.base_url}/users/alice", timeout=15)
    assert likes[0]["json"]["object"] == note["id"]
    assert likes[0]["http_signature"]["verified"] is True


def test_a_forwarded_report_reaches_the_remote_server_as_a_flag_from_the_instance_actor(network):
    vmst, peer, alice = network
    fran = sql_one(vmst, "SELECT id FROM accounts WHERE uri = ?", peer.actor_url("fran"))
    r = api(vmst, "POST", "/api/v1/reports", alice.token,
            json_body={"account_id": str(fran), "comment": "please look", "forward": True})
    assert r.status == 200, r.body
    assert r.json()["forwarded"] is True
    flag = peer.wait_for("Flag", timeout=15)[0]
    assert flag["http_signature"]["verified"] is True
    assert flag["json"]["actor"] == f"{vmst.base_url}/actor"
    assert flag["json"]["content"] == "please look"
    objects = flag["json"]["object"]
    assert (objects if isinstance(objects, list) else [objects]) == [peer.actor_url("fran")]
    # The reporter is not named anywhere in what the remote server sees.
    assert "alice" not in str(flag["json"])


def sql_one(vmst, statement, *args):
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
    try:
        return db.execute(statement, args).fetchone()[0]
    finally:
        db.close()


def test_searching_an_unknown_remote_note_by_url_fetches_and_keeps_it(network):
    vmst, peer, alice = network
    peer.create_actor("gina")  # nobody here follows gina: her notes never reach vmst by delivery
    note = peer.create_note("gina", content="<p>Only found by searching for it</p>")
    uri = note["id"]
    assert status_id_for(vmst, uri, timeout=0.5) is None

    # Without resolve, or without a signed-in user, nothing is fetched.
    r = api(vmst, "GET", "/api/v2/search", alice.token, query={"q": uri})
    assert r.status == 200 and r.json()["statuses"] == []
    assert api(vmst, "GET", "/api/v2/search", None, query={"q": uri, "resolve": "true"}).status == 401
    assert status_id_for(vmst, uri, timeout=0.5) is None

    r = api(vmst, "GET", "/api/v2/search", alice.token, query={"q": uri, "resolve": "true"})
    assert r.status == 200, r.text
    statuses = r.json()["statuses"]
    assert [s["uri"] for s in statuses] == [uri]
    assert "Only found by searching for it" in statuses[0]["content"]
    assert statuses[0]["account"]["acct"] == f"gina@{peer.domain}"
    kept = status_id_for(vmst, uri)
    assert kept == statuses[0]["id"]
    # It is kept: a second search finds the same status without a new one, and it can be favourited.
    again = api(vmst, "GET", "/api/v2/search", alice.token, query={"q": uri, "resolve": "true"}).json()["statuses"]
    assert [s["id"] for s in again] == [kept]
    fav = api(vmst, "POST", f"/api/v1/statuses/{kept}/favourite", alice.token)
    assert fav.status == 200 and fav.json()["favourited"] is True
    liked = peer.wait_for("Like", predicate=lambda a: a["json"]["object"] == uri, timeout=15)
    assert liked[0]["json"]["actor"] == f"{vmst.base_url}/users/alice"


def test_searching_a_remote_actor_url_still_finds_the_account(network):
    vmst, peer, alice = network
    peer.create_actor("hugo")
    r = api(vmst, "GET", "/api/v2/search", alice.token, query={"q": peer.actor_url("hugo"), "resolve": "true"})
    assert r.status == 200, r.text
    body = r.json()
    assert body["statuses"] == []
    assert [a["acct"] for a in body["accounts"]] == [f"hugo@{peer.domain}"]


def resolve_account(vmst, token, peer, username):
    r = api(vmst, "GET", "/api/v2/search", token,
            query={"q": f"@{peer.handle(username)}", "type": "accounts", "resolve": "true"})
    assert r.status == 200, r.body
    accounts = r.json()["accounts"]
    assert accounts and accounts[0]["acct"] == peer.handle(username), (r.body, vmst.log()[-3000:])
    return accounts[0]["id"]


def follow_remote(vmst, token, account_id):
    assert api(vmst, "POST", f"/api/v1/accounts/{account_id}/follow", token).status == 200
    assert wait_until(lambda: api(vmst, "GET", "/api/v1/accounts/relationships", token,
                                  query={"id[]": account_id}).json()[0]["following"]), vmst.log()[-3000:]


def counts_of(vmst, token):
    me = api(vmst, "GET", "/api/v1/accounts/verify_credentials", token).json()
    return me["followers_count"], me["following_count"]


def home_uris(vmst, token):
    return [s["uri"] for s in api(vmst, "GET", "/api/v1/timelines/home", token).json()]


def test_an_actor_that_deletes_itself_goes_with_its_posts_follows_and_favourites(network):
    vmst, peer, alice = network
    dora = make_user(vmst, "dora")
    dora_uri = f"{vmst.base_url}/users/dora"
    peer.create_actor("ivan")
    ivan = resolve_account(vmst, dora.token, peer, "ivan")
    follow_remote(vmst, dora.token, ivan)
    assert peer.follow("ivan", dora_uri, wait=15)["state"] == "accepted"
    note = peer.create_note("ivan", content="<p>soon gone</p>")
    sid = status_id_for(vmst, note["id"])
    assert sid and note["id"] in home_uris(vmst, dora.token)
    mine = api(vmst, "POST", "/api/v1/statuses", dora.token, json_body={"status": "ivan may like this"}).json()
    peer.like("ivan", mine["uri"], deliver_to=[dora_uri])
    assert wait_until(lambda: api(vmst, "GET", f"/api/v1/statuses/{mine['id']}", dora.token)
                      .json()["favourites_count"] == 1)
    assert counts_of(vmst, dora.token) == (1, 1)

    deleted = peer.delete_actor("ivan")
    assert [d["status"] for d in deleted["deliveries"]] == [202], deleted
    assert wait_until(lambda: api(vmst, "GET", f"/api/v1/accounts/{ivan}", dora.token).status == 404), \
        vmst.log()[-3000:]
    assert api(vmst, "GET", f"/api/v1/statuses/{sid}", dora.token).status == 404
    assert note["id"] not in home_uris(vmst, dora.token)
    assert counts_of(vmst, dora.token) == (0, 0)
    assert api(vmst, "GET", f"/api/v1/statuses/{mine['id']}", dora.token).json()["favourites_count"] == 0
    notifications = api(vmst, "GET", "/api/v1/notifications", dora.token).json()
    assert [n for n in notifications if n["account"]["id"] == ivan] == []
    assert sql_one(vmst, "SELECT count(*) FROM accounts WHERE uri = ?", peer.actor_url("ivan")) == 0

    # Nothing brings it back: what it sends now is refused (its key is gone here and 410 at its server), and the
    # Delete sent again concerns an actor unknown here, acknowledged without fetching anything or storing it.
    late = peer.create_note("ivan", content="<p>from beyond</p>", deliver_to=[dora_uri])
    assert [d["status"] for d in late["deliveries"]] == [401], late
    again = peer.send_raw(f"{vmst.base_url}/inbox", deleted["activity"], actor="ivan")
    assert again["status"] == 202, again
    time.sleep(0.5)
    assert sql_one(vmst, "SELECT count(*) FROM accounts WHERE uri = ?", peer.actor_url("ivan")) == 0
    assert sql_one(vmst, "SELECT count(*) FROM inbox_activities WHERE actor_uri = ? AND processed_at IS NULL",
                   peer.actor_url("ivan")) == 0
    assert status_id_for(vmst, late["id"], timeout=0.5) is None


def test_a_boost_of_a_note_never_delivered_here_fetches_the_note_for_the_boosters_followers(network):
    vmst, peer, alice = network
    emil = make_user(vmst, "emil")
    peer.create_actor("kara")
    peer.create_actor("lena")  # nobody here follows lena: her note never reaches vmst by delivery
    kara = resolve_account(vmst, emil.token, peer, "kara")
    follow_remote(vmst, emil.token, kara)
    note = peer.create_note("lena", content="<p>boosted from afar</p>")
    assert [d for d in note["deliveries"] if vmst.base_url in (d["inbox"] or "")] == []
    assert status_id_for(vmst, note["id"], timeout=0.5) is None

    boost = peer.announce("kara", note["id"])
    assert 202 in [d["status"] for d in boost["deliveries"]], boost

    def boost_on_home():
        for s in api(vmst, "GET", "/api/v1/timelines/home", emil.token).json():
            if s["reblog"] and s["reblog"]["uri"] == note["id"]:
                return s
        return None

    shown = wait_until(boost_on_home)
    assert shown, vmst.log()[-3000:]
    assert shown["account"]["id"] == kara
    assert "boosted from afar" in shown["reblog"]["content"]
    assert shown["reblog"]["account"]["acct"] == peer.handle("lena")
    assert shown["reblog"]["reblogs_count"] == 1
