"""Search over the client API (GET /api/v2/search, and v1's shape): accounts by handle and name with bare acct for
local ones (toot compares it), hashtags by prefix, full-text status search limited to what the viewer may see, URLs
of local statuses and accounts, and the errors Mastodon answers."""
import pytest

from api_client import account_id, api, make_user, seed_status, sql
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as instance:
        instance.start()
        tokens = {name: make_user(instance, name).token for name in ("alice", "alfred", "bob")}
        api(instance, "PATCH", "/api/v1/accounts/update_credentials", tokens["bob"], form={"display_name": "Robert Smith"})
        for i, name in enumerate(("coffee", "Coffeehouse", "tea")):
            sql(instance, "INSERT INTO tags (id, name, display_name, created_at, last_status_at) VALUES (?, ?, ?, 0, ?)",
                100 + i, name.lower(), name, i)
        yield instance, tokens


def search(vmst, token=None, **query):
    return api(vmst, "GET", "/api/v2/search", token, query=query)


def test_every_search_answers_all_three_keys(server):
    vmst, t = server
    r = search(vmst, t["alice"], q="zzzz-nothing")
    assert r.status == 200
    assert r.json() == {"accounts": [], "statuses": [], "hashtags": []}


def test_toot_resolves_a_local_account_with_a_bare_acct(server):
    vmst, t = server
    r = search(vmst, t["bob"], q="alice", type="accounts", resolve="true")
    assert r.status == 200
    accounts = r.json()["accounts"]
    assert accounts[0]["acct"] == "alice"
    assert [a for a in accounts if a["acct"].lower() == "alice"]
    assert search(vmst, t["bob"], q=f"@alice@{vmst.domain}", type="accounts", resolve="true").json()["accounts"][0]["acct"] == "alice"
    assert search(vmst, t["bob"], q="ALICE", type="accounts").json()["accounts"][0]["acct"] == "alice"


def test_accounts_by_prefix_and_display_name(server):
    vmst, t = server
    names = [a["acct"] for a in search(vmst, t["bob"], q="al", type="accounts").json()["accounts"]]
    assert set(names) == {"alice", "alfred"}
    assert [a["acct"] for a in search(vmst, t["alice"], q="smith").json()["accounts"]] == ["bob"]
    assert [a["acct"] for a in search(vmst, t["alice"], q="robert").json()["accounts"]] == ["bob"]
    limited = search(vmst, t["bob"], q="al", type="accounts", limit=1).json()["accounts"]
    assert len(limited) == 1
    second = search(vmst, t["bob"], q="al", type="accounts", limit=1, offset=1).json()["accounts"]
    assert len(second) == 1 and second[0]["id"] != limited[0]["id"]


def test_hashtags_by_prefix(server):
    vmst, t = server
    tags = search(vmst, t["alice"], q="#coff", type="hashtags").json()["hashtags"]
    assert [tag["name"] for tag in tags] == ["Coffeehouse", "coffee"]  # more recently used first
    for tag in tags:
        assert set(tag) >= {"name", "url", "history", "following"}
        assert tag["url"].startswith(vmst.base_url + "/tags/") and tag["history"] == [] and tag["following"] is False
    exact = search(vmst, None, q="coffee", type="hashtags").json()["hashtags"]
    assert exact[0]["name"] == "coffee"
    # A query with @ is a handle, never a tag.
    assert search(vmst, t["alice"], q="coffee@x", type="hashtags").json()["hashtags"] == []


def test_statuses_by_full_text_only_as_the_viewer_may_see_them(server):
    vmst, t = server
    public = seed_status(vmst, "alice", "Lovely espresso this morning")
    private = seed_status(vmst, "alice", "espresso secrets for followers", visibility="private")
    seed_status(vmst, "alfred", "tea is better than espresso")
    found = [s["id"] for s in search(vmst, t["bob"], q="espresso", type="statuses").json()["statuses"]]
    assert public in found and private not in found and len(found) == 2
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'alice')}/follow", t["bob"])
    found = [s["id"] for s in search(vmst, t["bob"], q="espresso", type="statuses").json()["statuses"]]
    assert private in found and len(found) == 3
    both = [s["id"] for s in search(vmst, t["bob"], q="espresso morning").json()["statuses"]]
    assert both == [public]
    excluded = [s["id"] for s in search(vmst, t["bob"], q="espresso -tea", type="statuses").json()["statuses"]]
    assert len(excluded) == 2
    mine = search(vmst, t["bob"], q="espresso", type="statuses", account_id=account_id(vmst, "alfred")).json()
    assert len(mine["statuses"]) == 1
    from_alice = search(vmst, t["bob"], q="espresso from:alice", type="statuses").json()["statuses"]
    assert {s["account"]["acct"] for s in from_alice} == {"alice"}
    # Full-text search needs a signed-in user, as on Mastodon; FTS syntax in the query is only text.
    assert search(vmst, None, q="espresso").json()["statuses"] == []
    assert search(vmst, t["bob"], q='espresso" OR "tea NEAR(', type="statuses").status == 200


def test_a_local_status_url_finds_the_status_when_visible(server):
    vmst, t = server
    status = seed_status(vmst, "alfred", "find me by my URL")
    for url in (f"{vmst.base_url}/@alfred/{status}", f"{vmst.base_url}/users/alfred/statuses/{status}"):
        found = search(vmst, t["bob"], q=url).json()
        assert [s["id"] for s in found["statuses"]] == [status]
        assert found["accounts"] == [] and found["hashtags"] == []
    hidden = seed_status(vmst, "alfred", "direct", visibility="direct")
    assert search(vmst, t["bob"], q=f"{vmst.base_url}/@alfred/{hidden}").json()["statuses"] == []
    profile = search(vmst, t["bob"], q=f"{vmst.base_url}/@alfred").json()
    assert [a["acct"] for a in profile["accounts"]] == ["alfred"]


def test_unknown_remote_handles_do_not_resolve_without_a_server(server):
    vmst, t = server
    r = search(vmst, t["bob"], q="someone@unreachable.invalid", resolve="true", type="accounts")
    assert r.status == 200 and r.json()["accounts"] == []


def test_search_errors(server):
    vmst, t = server
    missing = search(vmst, t["alice"])
    assert missing.status == 400 and "q" in missing.json()["error"]
    assert search(vmst, None, q="alice", resolve="true").status == 401
    assert search(vmst, None, q="alice", type="accounts", offset=5).status == 401
    assert search(vmst, "bad-token", q="alice").status == 401
    assert search(vmst, t["alice"], q="alice", type="nonsense").json() == {"accounts": [], "statuses": [], "hashtags": []}


def test_v1_search_gives_hashtags_as_names(server):
    vmst, t = server
    r = api(vmst, "GET", "/api/v1/search", t["alice"], query={"q": "tea", "type": "hashtags"})
    assert r.status == 200 and r.json()["hashtags"] == ["tea"]


def test_statuses_posted_through_the_api_are_found_by_full_text(server):
    vmst, t = server
    r = api(vmst, "POST", "/api/v1/statuses", t["alfred"], json_body={"status": "Brewing a pour-over this afternoon"})
    assert r.status == 200, r.body
    posted = r.json()["id"]
    found = search(vmst, t["bob"], q="pour-over brewing", type="statuses").json()["statuses"]
    assert [s["id"] for s in found] == [posted]
    edited = api(vmst, "PUT", f"/api/v1/statuses/{posted}", t["alfred"], json_body={"status": "Cold brew instead"})
    assert edited.status == 200, edited.body
    assert search(vmst, t["bob"], q="pour-over", type="statuses").json()["statuses"] == []
    assert [s["id"] for s in search(vmst, t["bob"], q="cold brew", type="statuses").json()["statuses"]] == [posted]
