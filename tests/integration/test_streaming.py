"""The streaming listener of the real binary: health, refusals, real OAuth tokens opening SSE and WebSocket streams,
shutdown with streams open. Events end to end (Mastodon.py over SSE, masto.js over WebSocket) are in
test_real_clients.py."""
import base64
import os
import re
import socket

from api_client import make_user
from stream_client import SseReader, read_head_and
from harness import VmstInstance


def test_streaming_health_answers_ok_as_plain_text(vmst):
    r = vmst.streaming_request("GET", "/api/v1/streaming/health")
    assert r.status == 200
    assert r.body == "OK"
    assert r.headers["content-type"].startswith("text/plain")
    assert r.headers["access-control-allow-origin"] == "*"
    assert re.search(rf"streaming API on 127\.0\.0\.1:{vmst.streaming_port} \(advertised to clients as "
                     rf"ws://127\.0\.0\.1:{vmst.streaming_port}\)", vmst.log()), vmst.log()


def test_sse_without_a_valid_token_is_refused_with_401(vmst):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        r = vmst.streaming_request("GET", "/api/v1/streaming/user", headers=headers)
        assert r.status == 401
        assert r.json() == {"error": "The access token is invalid"}
    # Public streams need a user token too, as on Mastodon 4.2 and later.
    r = vmst.streaming_request("GET", "/api/v1/streaming/public?access_token=not-a-token")
    assert r.status == 401


def test_sse_unknown_channel_is_refused_with_400(vmst):
    r = vmst.streaming_request("GET", "/api/v1/streaming/everything", headers={"Authorization": "Bearer x"})
    assert r.status == 400
    assert r.json() == {"error": "Unknown channel requested"}


def test_a_user_token_opens_an_sse_stream(vmst):
    alice = make_user(vmst, "alice")
    with socket.create_connection((vmst.host, vmst.streaming_port), timeout=10) as s:
        s.sendall(f"GET /api/v1/streaming/user HTTP/1.1\r\nHost: {vmst.host}\r\n"
                  f"Authorization: Bearer {alice.token}\r\n\r\n".encode())
        answer = read_head_and(s, b":)\n")
    assert answer.startswith("HTTP/1.1 200 OK\r\n"), answer
    assert "Content-Type: text/event-stream\r\n" in answer
    assert "Transfer-Encoding: chunked\r\n" in answer


def test_a_token_without_read_scopes_cannot_open_the_user_stream(vmst):
    writer = make_user(vmst, "writer", scopes="write")
    r = vmst.streaming_request("GET", "/api/v1/streaming/user", headers={"Authorization": f"Bearer {writer.token}"})
    assert r.status == 401
    assert r.json() == {"error": "Access token does not cover required scopes"}


def test_a_websocket_with_the_token_as_subprotocol_is_accepted_and_the_protocol_echoed(vmst):
    alice = make_user(vmst, "alice")
    answer = websocket_handshake(vmst, alice.token)
    assert answer.startswith("HTTP/1.1 101 "), answer
    assert f"Sec-WebSocket-Protocol: {alice.token}\r\n" in answer, answer


def websocket_handshake(vmst, protocol):
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /api/v1/streaming?stream=user HTTP/1.1\r\nHost: {vmst.host}:{vmst.streaming_port}\r\n"
               "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Protocol: {protocol}\r\n\r\n")
    with socket.create_connection((vmst.host, vmst.streaming_port), timeout=10) as s:
        s.sendall(request.encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        return data.decode("utf-8", "replace")


def test_websocket_with_a_bad_token_is_refused_with_401(vmst):
    answer = websocket_handshake(vmst, "not-a-token")
    assert answer.startswith("HTTP/1.1 401 "), answer


def test_serve_stops_promptly_with_streaming_connections_open(vmst_stopped):
    vmst_stopped.start()
    idle = [socket.create_connection((vmst_stopped.host, vmst_stopped.streaming_port)) for _ in range(20)]
    try:
        code, elapsed = vmst_stopped.stop()
        assert code == 0, vmst_stopped.log()
        assert elapsed < 10
        assert "stopped cleanly" in vmst_stopped.log()
    finally:
        for s in idle:
            s.close()


def test_a_busy_streaming_port_gives_a_clear_error(vmst):
    other = VmstInstance()
    try:
        other.edit_config(f'streaming_listen = "127.0.0.1:{other.streaming_port}"',
                          f'streaming_listen = "127.0.0.1:{vmst.streaming_port}"')
        result = other.cli("serve", check=False, timeout=30)
        assert result.returncode == 1
        assert f"cannot listen for streaming on 127.0.0.1:{vmst.streaming_port}" in result.stderr
    finally:
        other.close()


def test_posts_notifications_edits_and_deletes_reach_open_streams_as_they_commit(vmst):
    from api_client import api, follow, post_status
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    follow(vmst, "alice", "bob")
    user = SseReader(vmst, "/api/v1/streaming/user", alice.token)
    public = SseReader(vmst, "/api/v1/streaming/public/local", alice.token)
    tag = SseReader(vmst, "/api/v1/streaming/hashtag?tag=Live", alice.token)
    try:
        status = post_status(vmst, bob.token, "hello @alice #live").json()
        mine = user.events(lambda p: {"update", "notification"} <= {e for e, _ in p})
        update = next(d for e, d in mine if e == "update")
        assert update["id"] == status["id"] and update["account"]["acct"] == "bob"
        note = next(d for e, d in mine if e == "notification")
        assert note["type"] == "mention" and note["status"]["id"] == status["id"]
        assert public.events(lambda p: p)[0][1]["id"] == status["id"]
        assert tag.events(lambda p: p)[0][1]["id"] == status["id"]

        api(vmst, "PUT", f"/api/v1/statuses/{status['id']}", bob.token, json_body={"status": "edited @alice #live"})
        edits = user.events(lambda p: any(e == "status.update" for e, _ in p))
        assert "edited" in next(d for e, d in edits if e == "status.update")["content"]

        api(vmst, "DELETE", f"/api/v1/statuses/{status['id']}", bob.token)
        assert ("delete", status["id"]) in user.events(lambda p: ("delete", status["id"]) in p)
        assert ("delete", status["id"]) in public.events(lambda p: ("delete", status["id"]) in p)
    finally:
        for reader in (user, public, tag):
            reader.close()


def test_a_stream_does_not_show_what_the_viewer_blocked_or_what_is_not_theirs(vmst):
    from api_client import api, post_status
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    carol = make_user(vmst, "carol")
    assert api(vmst, "POST", f"/api/v1/accounts/{bob.id}/block", alice.token).status == 200
    public = SseReader(vmst, "/api/v1/streaming/public", alice.token)
    user = SseReader(vmst, "/api/v1/streaming/user", alice.token)
    try:
        post_status(vmst, bob.token, "from someone alice blocks")
        post_status(vmst, carol.token, "private to carol's followers", visibility="private")
        shown = post_status(vmst, carol.token, "public from carol").json()
        seen = public.events(lambda p: any(d["id"] == shown["id"] for _, d in p))
        assert [d["account"]["acct"] for _, d in seen] == ["carol"]
        # Alice follows nobody: her home stream stays silent.
        assert user.events(lambda p: p, timeout=1) == []
    finally:
        public.close()
        user.close()


def test_direct_messages_and_filter_changes_reach_the_direct_and_user_streams(vmst):
    from api_client import api, post_status
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    direct = SseReader(vmst, "/api/v1/streaming/direct", alice.token)
    user = SseReader(vmst, "/api/v1/streaming/user", alice.token)
    tag = SseReader(vmst, "/api/v1/streaming/hashtag?tag=gone", alice.token)
    try:
        dm = post_status(vmst, bob.token, "@alice just between us", visibility="direct").json()
        conversations = direct.events(lambda p: any(e == "conversation" for e, _ in p))
        conversation = next(d for e, d in conversations if e == "conversation")
        assert conversation["last_status"]["id"] == dm["id"] and conversation["unread"] is True
        assert [a["acct"] for a in conversation["accounts"]] == ["bob"]

        r = api(vmst, "POST", "/api/v2/filters", alice.token,
                json_body={"title": "quiet", "context": ["home"], "keywords_attributes": [{"keyword": "x"}]})
        assert r.status == 200, r.body
        changes = user.events(lambda p: any(e == "filters_changed" for e, _ in p))
        assert "filters_changed" in [e for e, _ in changes]

        tagged = post_status(vmst, bob.token, "soon #gone").json()
        assert tag.events(lambda p: p)[0][1]["id"] == tagged["id"]
        api(vmst, "DELETE", f"/api/v1/statuses/{tagged['id']}", bob.token)
        assert ("delete", tagged["id"]) in tag.events(lambda p: ("delete", tagged["id"]) in p)
    finally:
        for reader in (direct, user, tag):
            reader.close()
