"""Filters over HTTP: v2 filters with keywords and statuses, the v1 view, errors, and filters applied to home."""
import pytest

from api_client import api, follow, make_user, post_status
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        tokens = {name: make_user(vmst, name).token for name in ("alice", "bob")}
        yield vmst, tokens


def create(vmst, token, **fields):
    body = {"title": "t", "context": ["home"], **fields}
    r = api(vmst, "POST", "/api/v2/filters", token, json_body=body)
    assert r.status == 200, r.body
    return r.json()


def test_filters_need_a_user_token(server):
    vmst, _ = server
    assert api(vmst, "GET", "/api/v2/filters").status == 401
    assert api(vmst, "GET", "/api/v1/filters").status == 401


def test_a_filter_is_created_from_a_form_with_keywords(server):
    vmst, tokens = server
    form = [("title", "test"), ("context[]", "public"), ("context[]", "home"), ("filter_action", "hide"),
            ("keywords_attributes[][keyword]", "foo"), ("keywords_attributes[][whole_word]", "false"),
            ("keywords_attributes[][keyword]", "bar"), ("keywords_attributes[][whole_word]", "true")]
    r = api(vmst, "POST", "/api/v2/filters", tokens["alice"], form=form)
    assert r.status == 200, r.body
    f = r.json()
    assert f["title"] == "test"
    assert f["context"] == ["public", "home"]
    assert f["filter_action"] == "hide"
    assert f["expires_at"] is None
    assert [(k["keyword"], k["whole_word"]) for k in f["keywords"]] == [("foo", False), ("bar", True)]
    assert f["statuses"] == []
    assert api(vmst, "GET", f"/api/v2/filters/{f['id']}", tokens["alice"]).json() == f
    assert f in api(vmst, "GET", "/api/v2/filters", tokens["alice"]).json()


def test_filter_validation_errors_are_unprocessable(server):
    vmst, tokens = server
    r = api(vmst, "POST", "/api/v2/filters", tokens["alice"], json_body={})
    assert r.status == 422
    assert r.json()["error"].startswith("Validation failed: Title can't be blank")
    r = api(vmst, "POST", "/api/v2/filters", tokens["alice"], json_body={"title": "x", "context": ["nowhere"]})
    assert r.status == 422
    r = api(vmst, "POST", "/api/v2/filters", tokens["alice"],
            json_body={"title": "x", "context": ["home"], "expires_in": "soon"})
    assert r.status == 422
    r = api(vmst, "POST", "/api/v2/filters", tokens["alice"],
            json_body={"title": "x", "context": ["home"], "keywords_attributes": [{"id": "1", "keyword": "y"}]})
    assert r.status == 404


def test_update_changes_removes_and_adds_keywords(server):
    vmst, tokens = server
    f = create(vmst, tokens["alice"], keywords_attributes=[{"keyword": "foo"}, {"keyword": "bar"}])
    foo, bar = f["keywords"]
    r = api(vmst, "PUT", f"/api/v2/filters/{f['id']}", tokens["alice"], json_body={
        "title": "renamed", "expires_in": 3600,
        "keywords_attributes": [{"id": foo["id"], "_destroy": True}, {"id": bar["id"], "keyword": "baz"}]})
    assert r.status == 200, r.body
    g = r.json()
    assert g["title"] == "renamed"
    assert g["expires_at"] is not None
    assert [k["keyword"] for k in g["keywords"]] == ["baz"]


def test_keyword_and_status_endpoints(server):
    vmst, tokens = server
    alice = tokens["alice"]
    f = create(vmst, alice)
    r = api(vmst, "POST", f"/api/v2/filters/{f['id']}/keywords", alice, form={"keyword": "some", "whole_word": "0"})
    assert r.status == 200
    keyword = r.json()
    assert keyword["whole_word"] is False
    assert api(vmst, "GET", f"/api/v2/filters/{f['id']}/keywords", alice).json() == [keyword]
    r = api(vmst, "PUT", f"/api/v2/filters/keywords/{keyword['id']}", alice, json_body={"keyword": "other"})
    assert r.json() == {**keyword, "keyword": "other"}
    r = api(vmst, "POST", f"/api/v2/filters/{f['id']}/keywords", alice, json_body={"keyword": " "})
    assert (r.status, r.json()) == (422, {"error": "Validation failed: Keyword can't be blank"})
    # The v1 view lists one filter per keyword.
    v1 = api(vmst, "GET", "/api/v1/filters", alice).json()
    row = next(x for x in v1 if x["id"] == keyword["id"])
    assert row == {"id": keyword["id"], "phrase": "other", "context": ["home"], "whole_word": False,
                   "expires_at": None, "irreversible": False}
    assert api(vmst, "GET", f"/api/v2/filters/keywords/{keyword['id']}", tokens["bob"]).status == 404
    r = api(vmst, "DELETE", f"/api/v2/filters/keywords/{keyword['id']}", alice)
    assert (r.status, r.json()) == (200, {})

    r = api(vmst, "POST", f"/api/v2/filters/{f['id']}/statuses", alice, json_body={"status_id": "123"})
    assert r.status == 404
    assert api(vmst, "GET", f"/api/v2/filters/{f['id']}/statuses", alice).json() == []


def test_someone_elses_filter_is_not_found(server):
    vmst, tokens = server
    f = create(vmst, tokens["bob"])
    for method in ("GET", "PUT", "DELETE"):
        r = api(vmst, method, f"/api/v2/filters/{f['id']}", tokens["alice"], json_body={"title": "x"})
        assert (r.status, r.json()) == (404, {"error": "Record not found"}), method
    r = api(vmst, "DELETE", f"/api/v2/filters/{f['id']}", tokens["bob"])
    assert (r.status, r.json()) == (200, {})


def test_filters_apply_to_home(server):
    vmst, tokens = server
    reader = make_user(vmst, "reader").token
    follow(vmst, "reader", "bob")
    create(vmst, reader, title="no spoilers", filter_action="hide", keywords_attributes=[{"keyword": "spoiler"}])
    warn = create(vmst, reader, title="careful", filter_action="warn", keywords_attributes=[{"keyword": "snakes"}])
    hidden = post_status(vmst, tokens["bob"], "big spoiler here")
    assert hidden.status == 200, hidden.body
    warned = post_status(vmst, tokens["bob"], "Snakes on a plane").json()
    home = api(vmst, "GET", "/api/v1/timelines/home", reader).json()
    ids = [s["id"] for s in home]
    assert hidden.json()["id"] not in ids
    status = home[ids.index(warned["id"])]
    assert status["filtered"] == [{"filter": {k: warn[k] for k in ("id", "title", "context", "expires_at",
                                                                     "filter_action")},
                                   "keyword_matches": ["Snakes"], "status_matches": None}]
