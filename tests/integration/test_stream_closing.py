"""Streams close when their token stops being valid (revoked over /oauth/revoke, or the account suspended from the
CLI in another process), and a deleted status is taken out of list streams too."""
import socket
import time

from api_client import api, follow, make_user, post_status
from test_streaming import SseReader


def closed_within(reader, seconds):
    """True when the server closes the stream within `seconds` (heartbeats and events are read and dropped)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        reader.sock.settimeout(max(0.05, deadline - time.time()))
        try:
            if not reader.sock.recv(65536):
                return True
        except socket.timeout:
            return False
        except OSError:
            return True
    return False


def test_revoking_a_token_closes_its_streams_within_seconds(vmst):
    alice = make_user(vmst, "alice")
    other = make_user(vmst, "bob")
    mine = SseReader(vmst, "/api/v1/streaming/user", alice.token)
    theirs = SseReader(vmst, "/api/v1/streaming/user", other.token)
    try:
        app = vmst._api_client_app
        r = api(vmst, "POST", "/oauth/revoke", form={"token": alice.token, "client_id": app["client_id"],
                                                      "client_secret": app["client_secret"]})
        assert (r.status, r.json()) == (200, {})
        assert closed_within(mine, 8)
        assert not closed_within(theirs, 1)  # another token's stream stays open
    finally:
        mine.close()
        theirs.close()


def test_suspending_the_account_from_the_cli_closes_its_streams(vmst):
    carol = make_user(vmst, "carol")
    stream = SseReader(vmst, "/api/v1/streaming/public", carol.token)
    try:
        vmst.cli("account", "suspend", "carol")
        assert closed_within(stream, 8)
    finally:
        stream.close()


def test_a_deleted_status_is_deleted_from_list_streams(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    follow(vmst, "alice", "bob")
    list_id = api(vmst, "POST", "/api/v1/lists", alice.token, json_body={"title": "friends"}).json()["id"]
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", alice.token, json_body={"account_ids": [bob.id]})
    assert r.status == 200, r.body
    stream = SseReader(vmst, f"/api/v1/streaming/list?list={list_id}", alice.token)
    try:
        status = post_status(vmst, bob.token, "in the list").json()
        first = stream.events(lambda p: p)
        assert first and first[0][0] == "update" and first[0][1]["id"] == status["id"]
        api(vmst, "DELETE", f"/api/v1/statuses/{status['id']}", bob.token)
        seen = stream.events(lambda p: ("delete", status["id"]) in p)
        assert ("delete", status["id"]) in seen
    finally:
        stream.close()
