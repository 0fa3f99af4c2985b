"""Inbox POSTs from a real Fedify server: signed activities are verified and stored durably before the 202; unsigned,
wrongly signed, replayed, digest-mismatched and actor-spoofing requests get 401 and leave nothing behind."""
import os
import sqlite3
import uuid

import pytest

from fedify_peer import FedifyPeer, FedifyPeerError
from harness import start_with_peer, VmstInstance

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


@pytest.fixture(scope="module")
def network():
    """vmst on 127.0.0.1 with alice; a Fedify peer on 127.0.0.2 with two actors."""
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.2", name="fedify") as peer:
        start_with_peer(vmst, peer)
        vmst.cli("account", "create", "alice", "--email", "alice@example.org")
        peer.create_actor("frank")
        peer.create_actor("mallory")
        yield vmst, peer


def stored_activities(vmst):
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
    try:
        return [row[0] for row in db.execute("SELECT activity_uri FROM inbox_activities ORDER BY id")]
    finally:
        db.close()


def note_activity(peer, actor, **object_fields):
    actor_url = peer.actor_url(actor)
    note_id = f"{peer.base_url}/notes/{uuid.uuid4()}"
    note = {"id": note_id, "type": "Note", "attributedTo": actor_url, "content": "<p>hi</p>",
            "to": [PUBLIC], "cc": [f"{actor_url}/followers"], "published": "2026-11-26T12:00:00Z"}
    note.update(object_fields)
    return {"@context": "https://www.w3.org/ns/activitystreams", "id": f"{note_id}/activity", "type": "Create",
            "actor": actor_url, "to": note["to"], "cc": note["cc"], "object": note}


@pytest.mark.parametrize("mode", ["cavage", "fedify"])
def test_signed_activities_are_accepted_and_stored(network, mode):
    vmst, peer = network
    activity = note_activity(peer, "frank")
    result = peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="frank", signature=mode)
    assert result["status"] == 202, result
    assert activity["id"] in stored_activities(vmst)


def test_a_personal_inbox_accepts_and_an_unknown_one_is_404(network):
    vmst, peer = network
    activity = note_activity(peer, "frank")
    assert peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="frank")["status"] == 202
    other = note_activity(peer, "frank")
    assert peer.send_raw(f"{vmst.base_url}/users/nobody/inbox", other, actor="frank")["status"] == 404
    assert other["id"] not in stored_activities(vmst)


@pytest.mark.parametrize("mode,reason", [
    ("none", "not signed"),
    ("bad_signature", "does not verify"),
    ("wrong_key", "does not verify"),
    ("old_date", "too old"),
    ("future_date", "in the future"),
    ("digest_mismatch", "Digest does not match"),
    ("no_digest", "digest"),
])
def test_bad_signatures_get_401_with_a_reason_and_nothing_is_stored(network, mode, reason):
    vmst, peer = network
    activity = note_activity(peer, "frank")
    result = peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="frank", signature=mode)
    assert result["status"] == 401, result
    assert reason in result["body"], result["body"]
    assert activity["id"] not in stored_activities(vmst)


def test_an_actor_cannot_send_in_another_actors_name(network):
    vmst, peer = network
    activity = note_activity(peer, "frank")  # claims frank...
    result = peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="mallory")  # ...signed by mallory
    assert result["status"] == 401
    assert "activity's actor" in result["body"]
    assert activity["id"] not in stored_activities(vmst)


def test_a_create_cannot_carry_an_object_from_another_host(network):
    vmst, peer = network
    activity = note_activity(peer, "frank", id=f"http://127.0.0.9:1/notes/{uuid.uuid4()}")
    result = peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="frank")
    assert result["status"] == 401
    assert "does not belong to the actor's host" in result["body"]
    assert activity["id"] not in stored_activities(vmst)


def test_a_redelivered_activity_is_stored_once(network):
    vmst, peer = network
    activity = note_activity(peer, "frank")
    for _ in range(3):
        assert peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="frank")["status"] == 202
    assert stored_activities(vmst).count(activity["id"]) == 1


def test_malformed_activities_get_400(network):
    vmst, peer = network
    result = peer.send_raw(f"{vmst.base_url}/inbox", {"type": "Create", "id": f"{peer.base_url}/x/{uuid.uuid4()}"},
                           actor="frank")
    assert result["status"] == 400
    assert "no actor" in result["body"]


def test_the_signers_actor_is_fetched_and_stored(network):
    vmst, peer = network
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
    try:
        row = db.execute("SELECT username, domain, inbox_url, public_key_pem FROM accounts WHERE uri = ?",
                         (peer.actor_url("frank"),)).fetchone()
    finally:
        db.close()
    assert row[0] == "frank"
    assert row[1] == peer.base_url.split("://", 1)[1]
    assert row[2] == peer.actor("frank")["inbox"]
    assert row[3].startswith("-----BEGIN PUBLIC KEY-----")


def test_the_cli_resolves_a_fedify_actor_by_handle_and_by_url(network):
    vmst, peer = network
    peer.create_actor("carol", name="Carol <b>C</b>")
    by_handle = vmst.cli("federation", "lookup", peer.handle("carol")).stdout
    assert f"id           {peer.actor_url('carol')}" in by_handle
    assert "type         Person" in by_handle
    by_url = vmst.cli("federation", "lookup", peer.actor_url("carol")).stdout
    assert by_url.splitlines()[0] == "@" + peer.handle("carol")
    unknown = vmst.cli("federation", "lookup", peer.handle("nobody"), check=False)
    assert unknown.returncode == 1
    assert "WebFinger lookup of nobody@" in unknown.stderr


def test_a_signed_post_from_an_unavailable_domain_clears_its_mark(network):
    vmst, peer = network
    domain = peer.base_url.split("://", 1)[1]
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
    db.execute("INSERT INTO instances (domain, first_seen_at, consecutive_failures, unavailable_since, failure_days)"
               " VALUES (?, 0, 50, 1, '[1,2,3,4,5,6,7]') ON CONFLICT (domain) DO UPDATE SET unavailable_since = 1,"
               " consecutive_failures = 50", (domain,))
    db.commit()
    assert peer.send_raw(f"{vmst.base_url}/inbox", note_activity(peer, "frank"), actor="frank")["status"] == 202
    row = db.execute("SELECT unavailable_since, consecutive_failures FROM instances WHERE domain = ?",
                     (domain,)).fetchone()
    db.close()
    assert row == (None, 0)


def test_stored_activities_survive_a_kill_right_after_the_202(network):
    vmst, peer = network
    activity = note_activity(peer, "frank")
    assert peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="frank")["status"] == 202
    import signal
    vmst.stop(signal.SIGKILL)
    assert activity["id"] in stored_activities(vmst)
    vmst.start()


def test_authorized_fetch_requires_a_signature_from_an_unblocked_domain():
    with VmstInstance("127.0.0.1", settings={"federation": {"authorized_fetch": True}}) as vmst, \
            FedifyPeer("127.0.0.3", name="secure") as peer:
        start_with_peer(vmst, peer)
        vmst.cli("account", "create", "alice", "--email", "alice@example.org")
        peer.create_actor("reader")
        followers = f"{vmst.base_url}/users/alice/followers"

        unsigned = vmst.request("GET", "/users/alice/followers", headers={"Accept": "application/activity+json"})
        assert unsigned.status == 401
        assert "not signed" in unsigned.json()["error"]
        # Actor documents stay public so that other servers can verify our signatures.
        assert vmst.request("GET", "/users/alice", headers={"Accept": "application/activity+json"}).status == 200

        signed = peer.resolve(followers, as_actor="reader")
        assert signed["raw"]["totalItems"] == 0
        # The outbox and featured collections are guarded the same way.
        for path in ("/users/alice/outbox", "/users/alice/outbox?page=true", "/users/alice/collections/featured",
                     "/users/alice/collections/tags"):
            assert vmst.request("GET", path, headers={"Accept": "application/activity+json"}).status == 401, path
        assert peer.resolve(f"{vmst.base_url}/users/alice/outbox", as_actor="reader")["raw"]["totalItems"] == 0

        db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
        db.execute("INSERT INTO domain_blocks (id, domain, severity, created_at, updated_at)"
                   " VALUES (1, '127.0.0.3', 'suspend', 0, 0)")
        db.commit()
        db.close()
        with pytest.raises(FedifyPeerError) as refused:
            peer.resolve(followers, as_actor="reader")
        assert "403" in str(refused.value)
        with pytest.raises(FedifyPeerError) as refused:
            peer.resolve(f"{vmst.base_url}/users/alice/collections/featured", as_actor="reader")
        assert "403" in str(refused.value)
