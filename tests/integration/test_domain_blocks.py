"""Defederation through `vmst domain`, with a real Fedify peer: a suspend severs follows both ways (the peer hears
Reject and Undo, the local user gets a severed_relationships notification), purges the peer's posts, refuses its
inbox POSTs with 403 and delivers nothing more to it; unblocking lets following work again. Silence keeps a
server's posts off the public timeline and its strangers' mentions out of notifications. The CLI's bad input is
named and changes nothing; block lists round-trip through Mastodon's CSV; a subscription to another vmst's public
list follows its changes on a schedule without overriding the admin's own blocks."""
import json
import os
import tempfile
import time

import pytest

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer, FedifyPeerError
from harness import VmstInstance, wait_until
from stream_client import SseReader


@pytest.fixture(scope="module")
def network():
    # Subscribed block lists are fetched again every 5 s, so the schedule can be seen working.
    with VmstInstance("127.0.0.1", settings={"federation": {"blocklist_refresh_seconds": 5}}) as vmst, \
            FedifyPeer("127.0.0.12", name="fedify") as peer:
        peer.launch()
        vmst.start()
        peer.wait_until_ready()
        users = {name: make_user(vmst, name) for name in ("alice", "bob")}
        yield vmst, peer, users


def domain(vmst, *args, check=True):
    return vmst.cli("domain", *args, check=check)


def resolve(vmst, user, peer, username):
    r = api(vmst, "GET", "/api/v2/search", user.token,
            query={"q": f"@{peer.handle(username)}", "type": "accounts", "resolve": "true"})
    assert r.status == 200, r.body
    return [a["id"] for a in r.json()["accounts"] if a["acct"] == peer.handle(username)]


def search_usernames(vmst, user, prefix):
    r = api(vmst, "GET", "/api/v2/search", user.token, query={"q": prefix, "type": "accounts"})
    assert r.status == 200, r.body
    return [a["username"] for a in r.json()["accounts"]]


def status_id_for(vmst, uri):
    rows = sql(vmst, "SELECT id FROM statuses WHERE uri = ?", uri)
    return str(rows[0][0]) if rows else None


def counts(vmst, user):
    me = api(vmst, "GET", "/api/v1/accounts/verify_credentials", user.token).json()
    return me["followers_count"], me["following_count"]


def write_file(text, suffix):
    handle, path = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(handle, "w") as f:
        f.write(text)
    return path


def test_bad_input_is_named_and_changes_nothing(network):
    vmst, _, _ = network
    r = domain(vmst, "block", "https://threads.net/", check=False)
    assert r.returncode == 1 and "is a URL, not a domain" in r.stderr
    r = domain(vmst, "block", "bad..example", check=False)
    assert r.returncode == 1 and "empty label" in r.stderr
    r = domain(vmst, "block", "threads.net", "--severity", "ban", check=False)
    assert r.returncode == 1 and "severity must be noop, silence or suspend" in r.stderr
    r = domain(vmst, "block", check=False)
    assert r.returncode != 0 and "domain" in r.stderr
    r = domain(vmst, "unblock", "never-blocked.example", check=False)
    assert r.returncode == 1 and "no block on never-blocked.example" in r.stderr
    r = domain(vmst, "import", "/nonexistent/blocks.csv", check=False)
    assert r.returncode == 1 and "cannot read /nonexistent/blocks.csv" in r.stderr
    path = write_file("#domain,#severity,#reject_media\nfine.example,suspend,false\nworse.example,ban,false\n", ".csv")
    r = domain(vmst, "import", path, check=False)
    assert r.returncode == 1, r.stdout
    assert "line 3: severity must be noop, silence or suspend, not \"ban\"" in r.stderr
    assert "nothing was imported" in r.stderr
    path = write_file("#domain,#severity\nfine.example,suspend\nhttp://worse.example/,silence\n", ".csv")
    r = domain(vmst, "import", path, check=False)
    assert r.returncode == 1 and "line 3:" in r.stderr and "is a URL" in r.stderr
    assert json.loads(domain(vmst, "list", "--json").stdout) == []


def test_a_mastodon_csv_round_trips_and_the_public_list_obfuscates(network):
    vmst, _, users = network
    exported_by_mastodon = (
        "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n"
        "threads.net,suspend,false,false,Meta's Threads,false\n"
        "bsky.brid.gy,silence,true,false,\"Bridge, for now\",false\n"
        "harassment.example,suspend,true,true,,true\n")
    r = domain(vmst, "import", write_file(exported_by_mastodon, ".csv"))
    assert "Imported 3 block(s): 3 new, 0 updated, 0 unchanged" in r.stdout
    exported = domain(vmst, "export").stdout.splitlines()
    header, *rows = exported_by_mastodon.splitlines()
    assert exported == [header] + sorted(rows)  # the same CSV, by domain
    # Importing again changes nothing.
    r = domain(vmst, "import", write_file(exported_by_mastodon, ".csv"))
    assert "0 new, 0 updated, 3 unchanged" in r.stdout
    # JSON export reads back through import as well.
    exported_json = domain(vmst, "export", "--format", "json").stdout
    assert "3 unchanged" in domain(vmst, "import", write_file(exported_json, ".json")).stdout
    listed = {b["domain"]: b for b in json.loads(domain(vmst, "list", "--json").stdout)}
    assert listed["bsky.brid.gy"]["reject_media"] is True
    public = api(vmst, "GET", "/api/v1/instance/domain_blocks", users["alice"].token).json()
    shown = {b["severity"] + ":" + b["domain"] for b in public}
    assert "suspend:threads.net" in shown and "silence:bsky.brid.gy" in shown
    hidden = [b for b in public if b["domain"] not in ("threads.net", "bsky.brid.gy")]
    assert len(hidden) == 1 and "*" in hidden[0]["domain"] and "harassment" not in hidden[0]["domain"]
    # A block covers subdomains, whatever the port: blocking threads.net refuses www.threads.net.
    for d in ("threads.net", "bsky.brid.gy", "harassment.example"):
        domain(vmst, "unblock", d)
    assert json.loads(domain(vmst, "list", "--json").stdout) == []


def test_suspending_the_peer_severs_purges_and_refuses_it(network):
    vmst, peer, users = network
    alice = users["alice"]
    alice_uri = f"{vmst.base_url}/users/alice"
    peer.create_actor("fran")
    assert peer.follow("fran", alice_uri, wait=15)["state"] == "accepted"
    fran = resolve(vmst, alice, peer, "fran")
    assert fran
    assert api(vmst, "POST", f"/api/v1/accounts/{fran[0]}/follow", alice.token).status == 200
    assert wait_until(lambda: counts(vmst, alice) == (1, 1)), counts(vmst, alice)
    note = peer.create_note("fran", content="<p>before the block</p>")
    sid = wait_until(lambda: status_id_for(vmst, note["id"]))
    assert sid
    assert wait_until(lambda: sid in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", alice.token).json()])
    peer.clear_received()
    stream = SseReader(vmst, "/api/v1/streaming/user", alice.token)

    r = domain(vmst, "block", peer.host, "--severity", "suspend", "--private-comment", "test")
    assert f"Blocked {peer.host} (suspend)" in r.stdout
    assert "severed 2 follow(s); 1 local user(s) notified" in r.stdout
    # The CLI's purge reaches the running server's open streams: the post leaves alice's timeline live, and the
    # notification of what she lost arrives.
    try:
        heard = stream.events(lambda p: ("delete", sid) in p and any(e == "notification" for e, _ in p), timeout=10)
        assert ("delete", sid) in heard, heard
        assert [d["type"] for e, d in heard if e == "notification"] == ["severed_relationships"], heard
    finally:
        stream.close()

    # The peer is told once: Reject of fran's follow, Undo of alice's.
    peer.wait_for("Reject", actor=alice_uri, timeout=15)
    peer.wait_for("Undo", actor=alice_uri, timeout=15)
    peer.clear_received()
    assert counts(vmst, alice) == (0, 0)
    notes = api(vmst, "GET", "/api/v1/notifications", alice.token,
                query={"types[]": "severed_relationships"}).json()
    assert len(notes) == 1, notes
    event = notes[0]["event"]
    assert event["type"] == "domain_block" and event["target_name"] == peer.host and event["purged"] is True
    assert (event["followers_count"], event["following_count"]) == (1, 1)

    # Its posts and accounts are gone.
    assert api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).status == 404
    assert sid not in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", alice.token).json()]
    assert sid not in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/public").json()]
    assert sql(vmst, "SELECT count(*) FROM accounts WHERE domain LIKE ?", peer.host + "%")[0][0] == 0

    # Its inbox POSTs are refused before anything is fetched, and it cannot be looked up again.
    sent = peer.create_note("fran", content="<p>after the block</p>", mentions=[alice_uri])
    assert sent["deliveries"] and all(d["status"] == 403 for d in sent["deliveries"]), sent["deliveries"]
    assert status_id_for(vmst, sent["id"]) is None
    assert resolve(vmst, alice, peer, "fran") == []
    # Nor may it read our posts: a signed GET of a public Note is refused.
    public_post = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "for everyone"}).json()
    with pytest.raises(FedifyPeerError):
        peer.resolve(public_post["uri"], as_actor="fran")

    # Nothing is delivered to it: not a mention, not an activity queued by hand.
    r = api(vmst, "POST", "/api/v1/statuses", alice.token,
            json_body={"status": f"@{peer.handle('fran')} can you hear me?", "visibility": "direct"})
    assert r.status == 200, r.body
    activity = write_file(json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "type": "Create",
                                      "id": f"{alice_uri}#manual", "actor": alice_uri,
                                      "object": {"type": "Note", "id": f"{alice_uri}/manual"}}), ".json")
    r = vmst.cli("delivery", "enqueue", "--from", "alice", "--inbox", peer.shared_inbox, "--file", activity,
                 check=False)
    assert r.returncode == 1 and "Skipped 1 inbox(es) on suspended domains" in r.stdout
    time.sleep(2)
    assert peer.received(actor=alice_uri) == []
    assert sql(vmst, "SELECT count(*) FROM delivery_jobs WHERE host LIKE ? AND state IN ('queued', 'in_flight')",
               peer.host + "%")[0][0] == 0

    # Lifting the block lets following work again.
    assert f"Unblocked {peer.host} (was suspend)" in domain(vmst, "unblock", peer.host).stdout
    assert peer.follow("fran", alice_uri, wait=15)["state"] == "accepted"
    assert wait_until(lambda: counts(vmst, alice)[0] == 1)
    assert resolve(vmst, alice, peer, "fran")
    assert peer.resolve(public_post["uri"], as_actor="fran")["raw"]["id"] == public_post["uri"]


def test_silencing_the_peer_limits_its_reach_until_lifted(network):
    vmst, peer, users = network
    bob = users["bob"]
    bob_uri = f"{vmst.base_url}/users/bob"
    peer.create_actor("sam")
    domain(vmst, "block", f"{peer.host}:{peer.port}", "--severity", "silence")  # the port does not matter
    assert json.loads(domain(vmst, "list", "--json").stdout)[0]["domain"] == peer.host

    note = peer.create_note("sam", content="<p>loud public post</p>", mentions=[bob_uri])
    assert all(d["status"] == 202 for d in note["deliveries"]), note["deliveries"]
    sid = wait_until(lambda: status_id_for(vmst, note["id"]))
    assert sid, "a silenced server still federates"
    assert sid not in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/public").json()]
    # bob does not follow sam: no mention notification.
    time.sleep(1)
    assert [n for n in api(vmst, "GET", "/api/v1/notifications", bob.token).json() if n["type"] == "mention"] == []
    assert "sam" not in search_usernames(vmst, bob, "sa")  # kept out of search for non-followers

    domain(vmst, "unblock", peer.host)
    assert "sam" in search_usernames(vmst, bob, "sa")
    later = peer.create_note("sam", content="<p>after the silence</p>", mentions=[bob_uri])
    later_id = wait_until(lambda: status_id_for(vmst, later["id"]))
    assert later_id
    assert wait_until(lambda: later_id in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/public").json()])
    assert wait_until(lambda: [n for n in api(vmst, "GET", "/api/v1/notifications", bob.token).json()
                               if n["type"] == "mention" and n["status"]["id"] == later_id])


def test_a_subscribed_list_is_applied_capped_and_followed_but_never_overrides_a_manual_block(network):
    vmst, _, _ = network
    with VmstInstance("127.0.0.13") as publisher:
        publisher.start()
        for d, severity in (("spam.example", "suspend"), ("loud.example", "silence"), ("mine.example", "suspend")):
            publisher.cli("domain", "block", d, "--severity", severity, "--public-comment", f"{d} is bad")
        domain(vmst, "block", "mine.example", "--severity", "noop", "--reject-media")
        url = f"{publisher.base_url}/api/v1/instance/domain_blocks"

        r = domain(vmst, "subscribe", url, "--severity-cap", "silence", check=False)
        assert r.returncode == 0, r.stderr
        assert "First fetch: 2 new, 0 updated, 1 unchanged, 0 removed" in r.stdout
        listed = {b["domain"]: b for b in json.loads(domain(vmst, "list", "--json").stdout)}
        assert listed["spam.example"]["severity"] == "silence"  # capped
        assert listed["spam.example"]["public_comment"] == "spam.example is bad"
        assert listed["loud.example"]["severity"] == "silence"
        assert listed["mine.example"]["severity"] == "noop"  # the admin's own block wins

        # The running server fetches the list again on its schedule: a new block arrives, a lifted one goes.
        publisher.cli("domain", "block", "new.example")
        publisher.cli("domain", "unblock", "loud.example")
        assert wait_until(lambda: {b["domain"] for b in json.loads(domain(vmst, "list", "--json").stdout)} ==
                          {"spam.example", "new.example", "mine.example"}, timeout=30), vmst.log()[-2000:]
        subs = json.loads(domain(vmst, "subscriptions", "--json").stdout)
        assert subs[0]["url"] == url and subs[0]["last_error"] is None and subs[0]["last_result"]

        r = domain(vmst, "subscribe", "ftp://lists.example/blocks.csv", check=False)
        assert r.returncode == 1 and "is not an http(s) URL" in r.stderr
        r = domain(vmst, "subscribe", url, "--severity-cap", "ban", check=False)
        assert r.returncode == 1 and "--severity-cap must be" in r.stderr

        r = domain(vmst, "unsubscribe", url)
        assert "lifted the 2 block(s) it had set" in r.stdout
        assert [b["domain"] for b in json.loads(domain(vmst, "list", "--json").stdout)] == ["mine.example"]
        domain(vmst, "unblock", "mine.example")
