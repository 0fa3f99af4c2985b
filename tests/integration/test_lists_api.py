"""Lists over HTTP: create, read, change, delete, members (only followed accounts), paging, and the errors."""
import pytest

from api_client import account_id, api, follow, make_user, walk_pages
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        tokens = {name: make_user(vmst, name).token for name in ("alice", "bob", "carol", "dave")}
        follow(vmst, "alice", "bob")
        follow(vmst, "alice", "carol")
        yield vmst, tokens


def test_lists_need_a_user_token_with_list_scopes(server):
    vmst, _ = server
    assert api(vmst, "GET", "/api/v1/lists").status == 401
    token = make_user(vmst, "readonly", scopes="read").token
    r = api(vmst, "POST", "/api/v1/lists", token, json_body={"title": "x"})
    assert r.status == 403


def test_a_list_is_created_read_changed_and_deleted(server):
    vmst, tokens = server
    alice = tokens["alice"]
    r = api(vmst, "POST", "/api/v1/lists", alice, form={"title": "Friends"})
    assert r.status == 200
    created = r.json()
    assert created == {"id": created["id"], "title": "Friends", "replies_policy": "list", "exclusive": False}
    assert api(vmst, "GET", f"/api/v1/lists/{created['id']}", alice).json() == created
    r = api(vmst, "PUT", f"/api/v1/lists/{created['id']}", alice,
            json_body={"title": "Close friends", "replies_policy": "followed", "exclusive": True})
    assert r.json() == {**created, "title": "Close friends", "replies_policy": "followed", "exclusive": True}
    assert created["id"] in [l["id"] for l in api(vmst, "GET", "/api/v1/lists", alice).json()]
    r = api(vmst, "DELETE", f"/api/v1/lists/{created['id']}", alice)
    assert (r.status, r.json()) == (200, {})
    assert api(vmst, "GET", f"/api/v1/lists/{created['id']}", alice).status == 404


def test_bad_list_input_is_unprocessable_with_mastodons_message(server):
    vmst, tokens = server
    r = api(vmst, "POST", "/api/v1/lists", tokens["alice"], json_body={"title": ""})
    assert (r.status, r.json()) == (422, {"error": "Validation failed: Title can't be blank"})
    r = api(vmst, "POST", "/api/v1/lists", tokens["alice"], json_body={"title": "x", "replies_policy": "all"})
    assert r.status == 422


def test_someone_elses_list_is_not_found(server):
    vmst, tokens = server
    list_id = api(vmst, "POST", "/api/v1/lists", tokens["bob"], json_body={"title": "bob's"}).json()["id"]
    for method in ("GET", "PUT", "DELETE"):
        r = api(vmst, method, f"/api/v1/lists/{list_id}", tokens["alice"], json_body={"title": "mine now"})
        assert (r.status, r.json()) == (404, {"error": "Record not found"}), method
    assert api(vmst, "GET", f"/api/v1/lists/{list_id}/accounts", tokens["alice"]).status == 404


def test_only_followed_accounts_can_be_members(server):
    vmst, tokens = server
    alice = tokens["alice"]
    list_id = api(vmst, "POST", "/api/v1/lists", alice, json_body={"title": "members"}).json()["id"]
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", alice, json_body={"account_ids": [account_id(vmst, "dave")]})
    assert (r.status, r.json()) == (404, {"error": "Record not found"})
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", alice,
            form={"account_ids[]": [account_id(vmst, "bob"), account_id(vmst, "carol")]})
    assert (r.status, r.json()) == (200, {})
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", alice, json_body={"account_ids": [account_id(vmst, "bob")]})
    assert r.status == 422
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", alice, json_body={"account_ids": ["nope"]})
    assert r.status == 404

    everyone = api(vmst, "GET", f"/api/v1/lists/{list_id}/accounts?limit=0", alice)
    assert {a["acct"] for a in everyone.json()} == {"bob", "carol"}
    assert "link" not in everyone.headers
    pages = walk_pages(vmst, f"/api/v1/lists/{list_id}/accounts?limit=1", alice)
    assert [a["acct"] for page in pages for a in page] == [a["acct"] for a in everyone.json()]

    r = api(vmst, "DELETE", f"/api/v1/lists/{list_id}/accounts?account_ids[]={account_id(vmst, 'bob')}", alice)
    assert (r.status, r.json()) == (200, {})
    assert [a["acct"] for a in api(vmst, "GET", f"/api/v1/lists/{list_id}/accounts", alice).json()] == ["carol"]
