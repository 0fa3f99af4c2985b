"""Direct-message conversations over HTTP: listing, read, delete, and the errors clients get."""
import pytest

from api_client import api, make_user, post_status, walk_pages
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        tokens = {name: make_user(vmst, name).token for name in ("alice", "bob")}
        yield vmst, tokens


def test_conversations_need_a_user_token(server):
    vmst, _ = server
    assert api(vmst, "GET", "/api/v1/conversations").status == 401


def test_no_conversations_is_an_empty_list(server):
    vmst, _ = server
    token = make_user(vmst, "lonely").token
    r = api(vmst, "GET", "/api/v1/conversations", token)
    assert (r.status, r.json()) == (200, [])


def test_unknown_conversations_are_not_found(server):
    vmst, tokens = server
    for method, path in (("DELETE", "/api/v1/conversations/123"), ("POST", "/api/v1/conversations/123/read"),
                         ("DELETE", "/api/v1/conversations/abc")):
        r = api(vmst, method, path, tokens["alice"])
        assert (r.status, r.json()) == (404, {"error": "Record not found"}), path


def test_a_direct_message_starts_a_conversation_for_both(server):
    vmst, tokens = server
    r = post_status(vmst, tokens["alice"], "@bob a secret", visibility="direct")
    assert r.status == 200, r.body
    dm = r.json()
    theirs = api(vmst, "GET", "/api/v1/conversations", tokens["bob"]).json()
    conversation = theirs[0]
    assert conversation["unread"] is True
    assert [a["acct"] for a in conversation["accounts"]] == ["alice"]
    assert conversation["last_status"]["id"] == dm["id"]
    mine = api(vmst, "GET", "/api/v1/conversations", tokens["alice"]).json()
    assert mine[0]["unread"] is False

    r = api(vmst, "POST", f"/api/v1/conversations/{conversation['id']}/read", tokens["bob"])
    assert r.status == 200
    assert r.json()["unread"] is False
    assert api(vmst, "DELETE", f"/api/v1/conversations/{conversation['id']}", tokens["alice"]).status == 404
    r = api(vmst, "DELETE", f"/api/v1/conversations/{conversation['id']}", tokens["bob"])
    assert (r.status, r.json()) == (200, {})
    assert api(vmst, "GET", "/api/v1/conversations", tokens["bob"]).json() == []


def test_conversation_pages_follow_link_to_the_end(server):
    vmst, tokens = server
    token = make_user(vmst, "talker").token
    for n in range(3):
        r = post_status(vmst, tokens["alice"], f"@talker number {n}", visibility="direct")
        assert r.status == 200, r.body
    pages = walk_pages(vmst, "/api/v1/conversations?limit=1", token)
    items = [c for page in pages for c in page]
    assert len({c["id"] for c in items}) == len(items)
