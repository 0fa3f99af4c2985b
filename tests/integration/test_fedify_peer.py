"""Proves the Fedify test peer (fedify_peer.py) is a working ActivityPub server before vmst's federation tests rely
on it: peers on 127.0.0.1, 127.0.0.2 and 127.0.0.3 follow, post, react and refuse bad signatures between
themselves over loopback http."""
import itertools
import json
import uuid

import pytest

from fedify_peer import FedifyPeer, FedifyPeerError

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
# Fedify compacts the public collection with its JSON-LD context, so it sends "as:Public"; receivers must accept
# all three spellings.
PUBLIC_FORMS = {PUBLIC, "as:Public", "Public"}
_names = itertools.count(1)


def unique(prefix):
    return f"{prefix}{next(_names)}"


@pytest.fixture(scope="module")
def peers():
    with FedifyPeer("127.0.0.1", name="A") as a, FedifyPeer("127.0.0.2", name="B") as b, \
            FedifyPeer("127.0.0.3", name="C") as c:
        for peer in (a, b, c):
            peer.launch()
        for peer in (a, b, c):
            peer.wait_until_ready()
        yield a, b, c


@pytest.fixture
def a(peers):
    return peers[0]


@pytest.fixture
def b(peers):
    return peers[1]


@pytest.fixture
def c(peers):
    return peers[2]


@pytest.fixture(scope="module")
def raw_actors(peers):
    """alice and mallory on A, bob on B, shared by the raw-send tests: each sends an activity with a fresh id, so
    they can't see each other's activities."""
    a, b, _ = peers
    alice, mallory, bob = unique("alice"), unique("mallory"), unique("bob")
    a.create_actor(alice)
    a.create_actor(mallory)
    b.create_actor(bob)
    return alice, mallory, bob


@pytest.fixture
def follower_and_author(a, b):
    """An actor on A that follows an actor on B (accepted). Returns (follower username, author username)."""
    follower, author = unique("alice"), unique("bob")
    a.create_actor(follower)
    b.create_actor(author)
    result = a.follow(follower, b.actor_url(author))
    assert result["state"] == "accepted", result
    return follower, author


def the_one(activities, object_id=None, activity_id=None):
    found = [x for x in activities if (object_id is None or x["object"] == object_id or
                                       (isinstance(x["json"].get("object"), dict) and
                                        x["json"]["object"].get("id") == object_id)) and
             (activity_id is None or x["id"] == activity_id)]
    assert len(found) == 1, json.dumps(activities, indent=1)[:3000]
    return found[0]


def addressed_publicly(value):
    values = value if isinstance(value, list) else [value]
    return any(v in PUBLIC_FORMS for v in values)


def assert_fully_verified(entry, signer):
    """Fedify accepted it, and each of the three signatures Fedify attaches checks out independently."""
    assert entry["verified"] is True
    assert entry["http_signature"]["verified"] is True, entry["http_signature"]
    assert entry["http_signature"]["key_id"] == signer + "#main-key"
    assert entry["ld_signature"]["present"] and entry["ld_signature"]["verified"], entry["ld_signature"]
    assert entry["proof"]["present"] and entry["proof"]["cryptosuite"] == "eddsa-jcs-2022"


def test_webfinger_over_http_and_actor_document_parsed_by_fedify(a, b):
    bob = unique("bob")
    info = b.create_actor(bob, name="Bob Example", summary="<p>hi</p>")

    finger = a.webfinger(f"acct:{bob}@{b.domain}")
    assert finger["jrd"]["subject"] == f"acct:{bob}@{b.domain}"
    assert finger["self"] == info["id"] == b.actor_url(bob)
    assert finger["content_type"].startswith("application/jrd+json")

    seen = a.resolve_actor(info["id"])
    assert seen["type"] == "Person"
    assert seen["preferred_username"] == bob and seen["name"] == "Bob Example"
    assert seen["inbox"] == info["inbox"] and seen["shared_inbox"] == b.shared_inbox
    assert [k["id"] for k in seen["public_keys"]] == [info["key_ids"]["rsa"]]
    assert seen["public_keys"][0]["algorithm"] == "RSASSA-PKCS1-v1_5"
    assert {m["algorithm"] for m in seen["assertion_methods"]} == {"RSASSA-PKCS1-v1_5", "Ed25519"}
    assert "BEGIN PUBLIC KEY" in seen["raw"]["publicKey"]["publicKeyPem"]
    # RSA-2048, as Mastodon uses (Fedify's own generator makes 4096-bit keys).
    assert len(info["public_key_pem"]) < 500


def test_follow_is_signed_and_auto_accepted_and_both_sides_record_it(a, b):
    alice, bob = unique("alice"), unique("bob")
    a.create_actor(alice)
    b.create_actor(bob)

    result = a.follow(alice, b.actor_url(bob))

    assert result["state"] == "accepted"
    assert [d["status"] for d in result["deliveries"]] == [202]
    follow = the_one(b.received(type="Follow", actor=a.actor_url(alice)))
    assert follow["object"] == b.actor_url(bob)
    assert_fully_verified(follow, a.actor_url(alice))
    accept = the_one(a.received(type="Accept", actor=b.actor_url(bob)))
    assert accept["json"]["object"]["id"] == result["follow_id"]
    assert_fully_verified(accept, b.actor_url(bob))
    assert b.actor(bob)["followers"] == [a.actor_url(alice)]
    assert a.actor(alice)["following"][b.actor_url(bob)]["state"] == "accepted"
    followers = b.request("GET", f"/users/{bob}/followers", headers={"Accept": "application/activity+json"}).json()
    assert followers["totalItems"] == 1


def test_locked_actor_holds_follow_until_approved(a, b):
    alice, carol = unique("alice"), unique("carol")
    a.create_actor(alice)
    b.create_actor(carol, locked=True)

    result = a.follow(alice, b.actor_url(carol), wait=0.5)
    assert result["state"] == "pending"
    assert b.actor(carol)["follow_requests"] == [a.actor_url(alice)]

    b.accept_follow_request(carol, a.actor_url(alice))
    a.wait_for("Accept", actor=b.actor_url(carol))
    assert a.actor(alice)["following"][b.actor_url(carol)]["state"] == "accepted"
    assert b.actor(carol)["followers"] == [a.actor_url(alice)]


def test_rejected_follow_is_recorded_as_rejected(a, b):
    alice, carol = unique("alice"), unique("carol")
    a.create_actor(alice)
    b.create_actor(carol, locked=True)
    a.follow(alice, b.actor_url(carol), wait=0)

    b.reject_follow_request(carol, a.actor_url(alice))

    a.wait_for("Reject", actor=b.actor_url(carol))
    assert a.actor(alice)["following"] == {}
    assert b.actor(carol)["followers"] == []


def test_public_note_reaches_follower_with_verified_signatures(a, b, follower_and_author):
    follower, author = follower_and_author

    sent = b.create_note(author, content="<p>Hello <b>world</b> #fedi</p>", hashtags=["fedi"])

    assert [d["status"] for d in sent["deliveries"]] == [202]
    create = the_one(a.received(type="Create", actor=b.actor_url(author)), object_id=sent["id"])
    assert_fully_verified(create, b.actor_url(author))
    note = create["json"]["object"]
    assert note["type"] == "Note" and note["content"] == "<p>Hello <b>world</b> #fedi</p>"
    assert addressed_publicly(note["to"])
    assert b.actor_url(author) + "/followers" in json.dumps(note["cc"])
    assert note["tag"]["type"] == "Hashtag" and note["tag"]["name"] == "#fedi"
    # The note is dereferenceable at its id, as remote servers expect.
    seen = a.resolve(sent["id"])
    assert seen["type"] == "Note" and seen["attributed_to"] == b.actor_url(author)


def test_followers_only_note_is_addressed_to_followers_and_delivered(a, b, follower_and_author):
    follower, author = follower_and_author

    sent = b.create_note(author, content="<p>only for followers</p>", visibility="followers",
                         sensitive=True, summary="cw")

    create = the_one(a.received(type="Create", actor=b.actor_url(author)), object_id=sent["id"])
    note = create["json"]["object"]
    assert not addressed_publicly(note["to"]) and not addressed_publicly(note.get("cc", []))
    assert note["to"] == b.actor_url(author) + "/followers"
    assert note["sensitive"] is True and note["summary"] == "cw"
    assert_fully_verified(create, b.actor_url(author))


def test_direct_note_reaches_only_the_mentioned_actor(a, b, c, follower_and_author):
    follower, author = follower_and_author
    carol = unique("carol")
    c.create_actor(carol)

    sent = b.create_note(author, content=f"<p>@{carol} psst</p>", visibility="direct",
                         mentions=[c.actor_url(carol)])

    assert [d["inbox"] for d in sent["deliveries"]] == [c.shared_inbox]
    create = the_one(c.received(type="Create", actor=b.actor_url(author)), object_id=sent["id"])
    note = create["json"]["object"]
    assert note["to"] == c.actor_url(carol) and "cc" not in note
    assert note["tag"] == {"type": "Mention", "href": c.actor_url(carol), "name": f"@{carol}@{c.domain}"}
    assert_fully_verified(create, b.actor_url(author))
    assert [x for x in a.received(type="Create") if x["object"] == sent["id"]] == []


def test_reply_carries_in_reply_to(a, b, follower_and_author):
    follower, author = follower_and_author
    original = b.create_note(author, content="<p>question?</p>")

    reply = a.create_note(follower, content="<p>answer</p>", in_reply_to=original["id"],
                          mentions=[b.actor_url(author)])

    create = the_one(b.received(type="Create", actor=a.actor_url(follower)), object_id=reply["id"])
    assert create["json"]["object"]["inReplyTo"] == original["id"]


def test_like_and_undo_like_reach_the_note_author(a, b, follower_and_author):
    follower, author = follower_and_author
    note = b.create_note(author, content="<p>like me</p>")["id"]

    like = a.like(follower, note)
    unlike = a.unlike(follower, note)

    assert [d["status"] for d in like["deliveries"] + unlike["deliveries"]] == [202, 202]
    got = the_one(b.received(type="Like", actor=a.actor_url(follower)), object_id=note)
    assert_fully_verified(got, a.actor_url(follower))
    undo = the_one(b.received(type="Undo", actor=a.actor_url(follower)), object_id=like["activity_id"])
    assert undo["json"]["object"]["type"] == "Like" and undo["json"]["object"]["object"] == note


def test_announce_and_undo_announce_reach_the_note_author(a, b, follower_and_author):
    follower, author = follower_and_author
    note = b.create_note(author, content="<p>boost me</p>")["id"]

    boost = a.announce(follower, note)
    a.unannounce(follower, note)

    got = the_one(b.received(type="Announce", actor=a.actor_url(follower)), object_id=note)
    assert_fully_verified(got, a.actor_url(follower))
    assert addressed_publicly(got["json"]["to"])
    undo = the_one(b.received(type="Undo", actor=a.actor_url(follower)), object_id=boost["activity_id"])
    assert undo["json"]["object"]["type"] == "Announce"


def test_edit_arrives_as_update_and_delete_as_tombstone(a, b, follower_and_author):
    follower, author = follower_and_author
    note = b.create_note(author, content="<p>first</p>")["id"]

    b.update_note(author, note, content="<p>second</p>")
    b.delete_note(author, note)

    update = the_one(a.received(type="Update", actor=b.actor_url(author)), object_id=note)
    assert update["json"]["object"]["content"] == "<p>second</p>" and "updated" in update["json"]["object"]
    assert_fully_verified(update, b.actor_url(author))
    delete = the_one(a.received(type="Delete", actor=b.actor_url(author)), object_id=note)
    assert delete["json"]["object"] == {"type": "Tombstone", "id": note}
    assert b.request("GET", note.replace(b.base_url, ""), headers={"Accept": "application/activity+json"}).status == 410


def test_unfollow_sends_undo_follow_and_removes_the_follower(a, b, follower_and_author):
    follower, author = follower_and_author

    a.unfollow(follower, b.actor_url(author))

    undo = the_one(b.received(type="Undo", actor=a.actor_url(follower)))
    assert undo["json"]["object"]["type"] == "Follow"
    assert b.actor(author)["followers"] == []
    assert a.actor(follower)["following"] == {}


def test_block_arrives_and_ends_the_follow(a, b, follower_and_author):
    follower, author = follower_and_author

    b.block(author, a.actor_url(follower))

    block = the_one(a.received(type="Block", actor=b.actor_url(author)))
    assert block["object"] == a.actor_url(follower)
    assert a.actor(follower)["following"] == {}
    assert a.actor(follower)["blocked_by"] == [b.actor_url(author)]
    assert b.actor(author)["followers"] == []


def test_move_makes_local_followers_follow_the_new_account(a, b, follower_and_author):
    follower, author = follower_and_author
    new_account = unique("bob")
    b.create_actor(new_account, aliases=[b.actor_url(author)])
    move = {"@context": "https://www.w3.org/ns/activitystreams", "id": f"{b.actor_url(author)}#moves/1",
            "type": "Move", "actor": b.actor_url(author), "object": b.actor_url(author),
            "target": b.actor_url(new_account)}

    assert b.send_raw(a.shared_inbox, move, actor=author)["status"] == 202

    b.wait_for("Follow", actor=a.actor_url(follower),
               predicate=lambda x: x["object"] == b.actor_url(new_account))
    a.wait_for("Accept", actor=b.actor_url(new_account))
    assert list(a.actor(follower)["following"]) == [b.actor_url(new_account)]
    assert a.actor(follower)["following"][b.actor_url(new_account)]["state"] == "accepted"


@pytest.mark.parametrize("kind", ["Flag", "EmojiReact", "Bite"])
def test_other_and_unknown_activity_types_are_recorded(a, b, raw_actors, kind):
    alice, _, bob = raw_actors
    activity = {"@context": "https://www.w3.org/ns/activitystreams", "id": f"{a.actor_url(alice)}#{uuid.uuid4()}",
                "type": kind, "actor": a.actor_url(alice), "object": b.actor_url(bob)}

    assert a.send_raw(b.actor(bob)["inbox"], activity, actor=alice)["status"] == 202

    got = the_one(b.received(type=kind), activity_id=activity["id"])
    assert got["recipient"] == bob and got["object"] == b.actor_url(bob)


def raw_note(peer, username):
    """A Create(Note) as the raw JSON a test would hand to send_raw, with a fresh id."""
    actor = peer.actor_url(username)
    note_id = f"{actor}/notes/{uuid.uuid4()}"
    return {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": note_id + "/activity",
        "type": "Create",
        "actor": actor,
        "to": [PUBLIC],
        "object": {"id": note_id, "type": "Note", "attributedTo": actor, "content": "<p>raw</p>", "to": [PUBLIC]},
    }


@pytest.mark.parametrize("mode", ["cavage", "fedify"])
def test_raw_send_with_a_valid_http_signature_is_accepted(a, b, raw_actors, mode):
    alice, _, bob = raw_actors
    activity = raw_note(a, alice)

    result = a.send_raw(b.actor(bob)["inbox"], activity, actor=alice, signature=mode)

    assert result["status"] == 202, result
    got = the_one(b.received(type="Create"), activity_id=activity["id"])
    assert got["recipient"] == bob and got["shared_inbox"] is False
    assert got["http_signature"]["verified"] is True
    assert got["ld_signature"] == {"present": False} and got["proof"] == {"present": False}
    if mode == "cavage":
        assert 'headers="(request-target) host date digest"' in result["request_headers"]["signature"]


@pytest.mark.parametrize("mode", ["none", "bad_signature", "wrong_key", "old_date", "future_date",
                                  "digest_mismatch", "no_digest"])
def test_raw_send_without_a_valid_http_signature_is_refused_with_401(a, b, raw_actors, mode):
    alice, _, bob = raw_actors
    activity = raw_note(a, alice)

    result = a.send_raw(b.shared_inbox, activity, actor=alice, signature=mode)

    assert result["status"] == 401, result
    assert result["body"] == "Failed to verify the request signature."
    assert [x for x in b.received() if x["id"] == activity["id"]] == []
    logged = [r for r in b.inbox_log() if r["activity_id"] == activity["id"]]
    assert [r["status"] for r in logged] == [401] and logged[0]["http_signature"]["verified"] is False


def test_signature_by_another_actor_than_the_activity_actor_is_refused(a, b, raw_actors):
    alice, mallory, bob = raw_actors
    activity = raw_note(a, alice)

    result = a.send_raw(b.shared_inbox, activity, actor=mallory)

    assert result["status"] == 401 and result["body"] == "The signer and the actor do not match."
    assert [x for x in b.received() if x["id"] == activity["id"]] == []


def test_control_errors_are_reported_with_status_and_message(a):
    with pytest.raises(FedifyPeerError) as error:
        a.create_note("nobody-here")
    assert error.value.status == 404 and "no local actor" in error.value.body
