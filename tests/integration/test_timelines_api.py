"""Timelines over HTTP: home, public, hashtag and list pages, their Link paging, and the errors clients get."""
import pytest

from api_client import account_id, api, follow, links, make_user, post_status, walk_pages
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        tokens = {name: make_user(vmst, name).token for name in ("alice", "bob", "carol")}
        yield vmst, tokens


def post(vmst, token, text, **fields):
    r = post_status(vmst, token, text, **fields)
    assert r.status == 200, r.body
    assert r.status == 200, r.body
    return r.json()


def test_home_needs_a_user_token(server):
    vmst, _ = server
    r = api(vmst, "GET", "/api/v1/timelines/home")
    assert r.status == 401
    assert r.json() == {"error": "The access token is invalid"}
    assert api(vmst, "GET", "/api/v1/timelines/home", "not-a-token").status == 401


def test_home_outside_the_token_scopes_is_forbidden(server):
    vmst, _ = server
    token = make_user(vmst, "pushonly", scopes="push").token
    r = api(vmst, "GET", "/api/v1/timelines/home", token)
    assert r.status == 403
    assert "error" in r.json()


def test_an_empty_home_is_an_empty_list_without_link(server):
    vmst, tokens = server
    r = api(vmst, "GET", "/api/v1/timelines/home", tokens["carol"])
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == []
    assert "link" not in r.headers


def test_public_timeline_is_readable_anonymously(server):
    vmst, _ = server
    r = api(vmst, "GET", "/api/v1/timelines/public?local=true")
    assert r.status == 200
    assert isinstance(r.json(), list)


def test_an_unknown_hashtag_gives_an_empty_page(server):
    vmst, _ = server
    r = api(vmst, "GET", "/api/v1/timelines/tag/nosuchtag")
    assert r.status == 200
    assert r.json() == []


def test_someone_elses_list_timeline_is_not_found(server):
    vmst, tokens = server
    r = api(vmst, "POST", "/api/v1/lists", tokens["bob"], json_body={"title": "bob's"})
    assert r.status == 200
    list_id = r.json()["id"]
    r = api(vmst, "GET", f"/api/v1/timelines/list/{list_id}", tokens["alice"])
    assert r.status == 404
    assert r.json() == {"error": "Record not found"}
    assert api(vmst, "GET", "/api/v1/timelines/list/abc", tokens["alice"]).status == 404


def test_direct_timeline_is_an_empty_list(server):
    vmst, tokens = server
    r = api(vmst, "GET", "/api/v1/timelines/direct", tokens["alice"])
    assert (r.status, r.json()) == (200, [])


def test_home_shows_own_and_followed_posts_newest_first(server):
    vmst, tokens = server
    follow(vmst, "alice", "bob")
    first = post(vmst, tokens["bob"], "first from bob")
    second = post(vmst, tokens["alice"], "then alice")
    home = api(vmst, "GET", "/api/v1/timelines/home?limit=40", tokens["alice"]).json()
    ids = [s["id"] for s in home]
    assert ids.index(second["id"]) < ids.index(first["id"])
    # The same status renders the same in the timeline as in the answer to posting.
    assert home[ids.index(second["id"])] == second
    assert home[0]["filtered"] == []


def test_home_link_pages_with_limit_1_reach_the_end_without_looping(server):
    vmst, tokens = server
    follow(vmst, "alice", "bob")
    posted = [post(vmst, tokens["bob"], f"paging {n}")["id"] for n in range(3)]
    pages = walk_pages(vmst, "/api/v1/timelines/home?limit=1", tokens["alice"])
    seen = [s["id"] for page in pages for s in page]
    assert len(seen) == len(set(seen)), "a status came twice"
    assert all(len(page) <= 1 for page in pages)
    assert seen == sorted(seen, key=int, reverse=True)
    assert set(posted) <= set(seen)


def test_link_carries_other_parameters_and_next_comes_first(server):
    vmst, tokens = server
    post(vmst, tokens["bob"], "public one")
    post(vmst, tokens["bob"], "public two")
    r = api(vmst, "GET", "/api/v1/timelines/public?local=true&limit=1", tokens["alice"])
    assert r.status == 200
    assert r.headers["link"].startswith("<")
    assert 'rel="next"' in r.headers["link"].split(",")[0]
    nxt = links(r)["next"]
    assert "local=true" in nxt and "limit=1" in nxt and "max_id=" in nxt
    assert "min_id=" in links(r)["prev"]


def test_min_id_returns_the_page_right_after_it(server):
    vmst, tokens = server
    ids = [post(vmst, tokens["carol"], f"min {n}", visibility="public")["id"] for n in range(3)]
    r = api(vmst, "GET", f"/api/v1/timelines/home?min_id={ids[0]}&limit=1", tokens["carol"])
    assert [s["id"] for s in r.json()] == [ids[1]]
    r = api(vmst, "GET", f"/api/v1/timelines/home?since_id={ids[0]}&limit=1", tokens["carol"])
    assert [s["id"] for s in r.json()] == [ids[2]]


def test_limit_over_the_maximum_is_clamped(server):
    vmst, tokens = server
    r = api(vmst, "GET", "/api/v1/timelines/home?limit=1000", tokens["alice"])
    assert r.status == 200
    assert len(r.json()) <= 40


def test_hashtag_timeline_is_case_insensitive(server):
    vmst, tokens = server
    status = post(vmst, tokens["bob"], "I like #Kittens")
    for name in ("kittens", "KITTENS"):
        r = api(vmst, "GET", f"/api/v1/timelines/tag/{name}")
        assert status["id"] in [s["id"] for s in r.json()], name


def test_a_list_timeline_shows_members_posts(server):
    vmst, tokens = server
    follow(vmst, "alice", "bob")
    follow(vmst, "alice", "carol")
    list_id = api(vmst, "POST", "/api/v1/lists", tokens["alice"], json_body={"title": "bobs"}).json()["id"]
    r = api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", tokens["alice"],
            form={"account_ids[]": [account_id(vmst, "bob")]})
    assert (r.status, r.json()) == (200, {})
    from_bob = post(vmst, tokens["bob"], "for the list")
    from_carol = post(vmst, tokens["carol"], "not in the list")
    ids = [s["id"] for s in api(vmst, "GET", f"/api/v1/timelines/list/{list_id}", tokens["alice"]).json()]
    assert from_bob["id"] in ids
    assert from_carol["id"] not in ids


def test_an_exclusive_list_takes_its_members_out_of_home(server):
    vmst, tokens = server
    dave = make_user(vmst, "dave").token
    follow(vmst, "dave", "bob")
    list_id = api(vmst, "POST", "/api/v1/lists", dave, json_body={"title": "x", "exclusive": True}).json()["id"]
    api(vmst, "POST", f"/api/v1/lists/{list_id}/accounts", dave, json_body={"account_ids": [account_id(vmst, "bob")]})
    status = post(vmst, tokens["bob"], "only in dave's list")
    home = [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", dave).json()]
    assert status["id"] not in home
    listed = [s["id"] for s in api(vmst, "GET", f"/api/v1/timelines/list/{list_id}", dave).json()]
    assert status["id"] in listed
