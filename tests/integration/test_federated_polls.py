"""Polls crossing servers with a real Fedify peer: our Question reaches a follower with a verified signature, a
peer's Question shows up in our API with its options, our user's vote reaches the peer as a Note with `name`, a
peer's vote on our poll is counted (not stored as a status), and an ended poll's final counts go out as an Update."""
import time

import pytest

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until

AS = "https://www.w3.org/ns/activitystreams"
PUBLIC = AS + "#Public"


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.6", name="fedify") as peer:
        start_with_peer(vmst, peer)
        alice = make_user(vmst, "alice")
        peer.create_actor("fran")
        result = peer.follow("fran", f"{vmst.base_url}/users/alice", wait=15)
        assert result["state"] == "accepted", result
        yield vmst, peer, alice


def post_poll(vmst, alice, options=("tea", "coffee"), multiple=False):
    r = api(vmst, "POST", "/api/v1/statuses", alice.token,
            json_body={"status": "which one?", "poll": {"options": list(options), "expires_in": 3600,
                                                        "multiple": multiple}})
    assert r.status == 200, r.body
    return r.json()


def send_question(vmst, peer, number, options, multiple=False):
    fran = peer.actor_url("fran")
    question = {
        "id": f"{fran}/questions/{number}",
        "type": "Question",
        "attributedTo": fran,
        "content": f'<p><a href="{vmst.base_url}/users/alice">@alice</a> pick one</p>',
        "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "endTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3600)),
        "votersCount": 3,
        "to": [PUBLIC],
        "cc": [f"{fran}/followers", f"{vmst.base_url}/users/alice"],
        "tag": [{"type": "Mention", "href": f"{vmst.base_url}/users/alice", "name": "@alice"}],
        ("anyOf" if multiple else "oneOf"): [
            {"type": "Note", "name": name, "replies": {"type": "Collection", "totalItems": count}}
            for name, count in options],
    }
    activity = {"@context": AS, "id": question["id"] + "/activity", "type": "Create", "actor": fran,
                "to": question["to"], "cc": question["cc"], "object": question}
    r = peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="fran")
    assert r["status"] in (200, 202), r
    return question


def status_for_uri(vmst, uri):
    rows = sql(vmst, "SELECT id FROM statuses WHERE uri = ?", uri)
    return str(rows[0][0]) if rows else None


def test_our_poll_reaches_the_follower_as_a_signed_question(network):
    vmst, peer, alice = network
    s = post_poll(vmst, alice, options=["tea", "coffee", "water"])
    created = peer.wait_for("Create", actor=f"{vmst.base_url}/users/alice", timeout=15,
                            predicate=lambda a: a["json"]["object"]["id"] == s["uri"])
    create = created[0]
    assert create["http_signature"]["verified"] is True
    question = create["json"]["object"]
    assert question["type"] == "Question"
    assert [o["name"] for o in question["oneOf"]] == ["tea", "coffee", "water"]
    assert all(o["type"] == "Note" and o["replies"] == {"type": "Collection", "totalItems": 0}
               for o in question["oneOf"])
    assert question["endTime"].endswith("Z") and question["votersCount"] == 0
    assert "anyOf" not in question


def test_a_peer_question_shows_up_with_its_options_and_our_vote_reaches_the_peer(network):
    vmst, peer, alice = network
    question = send_question(vmst, peer, 1, [("red", 2), ("blue", 1)])
    sid = wait_until(lambda: status_for_uri(vmst, question["id"]))
    assert sid, vmst.log()[-3000:]
    s = api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).json()
    poll = s["poll"]
    assert poll is not None, s
    assert [(o["title"], o["votes_count"]) for o in poll["options"]] == [("red", 2), ("blue", 1)]
    assert poll["votes_count"] == 3 and poll["voters_count"] == 3 and poll["multiple"] is False
    assert poll["voted"] is False and poll["expired"] is False

    r = api(vmst, "POST", f"/api/v1/polls/{poll['id']}/votes", alice.token, json_body={"choices": [1]})
    assert r.status == 200, r.body
    assert r.json()["own_votes"] == [1] and r.json()["options"][1]["votes_count"] == 2
    votes = peer.wait_for("Create", actor=f"{vmst.base_url}/users/alice", timeout=15,
                          predicate=lambda a: a["json"]["object"].get("name") == "blue")
    vote = votes[0]
    assert vote["http_signature"]["verified"] is True
    note = vote["json"]["object"]
    assert note["type"] == "Note" and note["inReplyTo"] == question["id"]
    assert note["attributedTo"] == f"{vmst.base_url}/users/alice"
    assert vote["json"]["to"] == [peer.actor_url("fran")] and note["to"] == [peer.actor_url("fran")]
    assert not note.get("content")

    # The peer's Update with new counts refreshes the poll without making it an edit.
    updated = dict(question, oneOf=[{"type": "Note", "name": "red", "replies": {"type": "Collection", "totalItems": 5}},
                                    {"type": "Note", "name": "blue", "replies": {"type": "Collection", "totalItems": 2}}],
                   votersCount=7)
    peer.send_raw(f"{vmst.base_url}/users/alice/inbox",
                  {"@context": AS, "id": question["id"] + "#updates/1", "type": "Update",
                   "actor": peer.actor_url("fran"), "to": [PUBLIC], "object": updated}, actor="fran")
    refreshed = wait_until(lambda: (lambda j: j if j["poll"]["votes_count"] == 7 else None)(
        api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).json()))
    assert refreshed, api(vmst, "GET", f"/api/v1/statuses/{sid}", alice.token).json()
    assert refreshed["edited_at"] is None and refreshed["poll"]["voters_count"] == 7
    assert refreshed["poll"]["own_votes"] == [1]


def test_a_peer_vote_on_our_poll_is_counted_and_not_stored_as_a_status(network):
    vmst, peer, alice = network
    s = post_poll(vmst, alice)
    fran = peer.actor_url("fran")
    vote_id = f"{fran}#votes/1"
    activity = {"@context": AS, "id": vote_id + "/activity", "type": "Create", "actor": fran,
                "to": [f"{vmst.base_url}/users/alice"],
                "object": {"id": vote_id, "type": "Note", "name": "coffee", "attributedTo": fran,
                           "inReplyTo": s["uri"], "to": [f"{vmst.base_url}/users/alice"]}}
    r = peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="fran")
    assert r["status"] in (200, 202), r

    def counted():
        p = api(vmst, "GET", f"/api/v1/polls/{s['poll']['id']}", alice.token).json()
        return p if p["votes_count"] == 1 else None

    poll = wait_until(counted)
    assert poll, vmst.log()[-3000:]
    assert [o["votes_count"] for o in poll["options"]] == [0, 1] and poll["voters_count"] == 1
    assert status_for_uri(vmst, vote_id) is None
    # Delivered twice (at least once delivery): counted once.
    peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="fran")
    time.sleep(1.5)
    assert api(vmst, "GET", f"/api/v1/polls/{s['poll']['id']}", alice.token).json()["votes_count"] == 1

    # When it ends, the follower (and voter) gets the final counts as an Update of the Question.
    sql(vmst, "UPDATE polls SET expires_at = ? WHERE id = ?", int(time.time() * 1000) - 1000, int(s["poll"]["id"]))
    updates = peer.wait_for("Update", actor=f"{vmst.base_url}/users/alice", timeout=20,
                            predicate=lambda a: a["json"]["object"].get("id") == s["uri"])
    final = updates[0]
    assert final["http_signature"]["verified"] is True
    question = final["json"]["object"]
    assert question["type"] == "Question" and "closed" in question
    assert [o["replies"]["totalItems"] for o in question["oneOf"]] == [0, 1]
    assert question["votersCount"] == 1
