"""A local actor's outbox, featured and featured-tags collections as a real Fedify peer fetches them: the outbox
counts the statuses and pages Create{Note} for public and unlisted posts and Announce for public boosts, newest
first, by Mastodon's ?page=true&max_id= cursor; featured holds the pinned posts as Notes at the URL the actor
document advertises; featured tags is an empty collection."""
import pytest

from api_client import api, make_user
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance

AP = {"Accept": "application/activity+json"}


def post(vmst, token, text, visibility="public"):
    r = api(vmst, "POST", "/api/v1/statuses", token, json_body={"status": text, "visibility": visibility})
    assert r.status == 200, r.body
    return r.json()


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.8", name="fedify") as peer:
        start_with_peer(vmst, peer)
        alice, carol = make_user(vmst, "alice"), make_user(vmst, "carol")
        peer.create_actor("reader")
        # Oldest first: 18 public fillers, then what the first page shows.
        for n in range(18):
            post(vmst, alice.token, f"filler {n}")
        carols = post(vmst, carol.token, "carol's public post")
        carols_unlisted = post(vmst, carol.token, "carol's unlisted post", "unlisted")
        s = {
            "public": post(vmst, alice.token, "a public post"),
            "unlisted": post(vmst, alice.token, "an unlisted post", "unlisted"),
            "private": post(vmst, alice.token, "a followers-only post", "private"),
            "direct": post(vmst, alice.token, "@carol a direct post", "direct"),
        }
        s["boost"] = api(vmst, "POST", f"/api/v1/statuses/{carols['id']}/reblog", alice.token,
                         json_body={"visibility": "public"}).json()
        s["unlisted_boost"] = api(vmst, "POST", f"/api/v1/statuses/{carols_unlisted['id']}/reblog", alice.token,
                                  json_body={"visibility": "unlisted"}).json()
        s["carols"] = carols
        assert api(vmst, "POST", f"/api/v1/statuses/{s['public']['id']}/pin", alice.token).status == 200
        assert api(vmst, "POST", f"/api/v1/statuses/{s['unlisted']['id']}/pin", alice.token).status == 200
        yield vmst, peer, alice, s


def test_the_outbox_counts_the_statuses_and_links_its_first_page(network):
    vmst, peer, alice, _ = network
    outbox = f"{vmst.base_url}/users/alice/outbox"
    assert vmst.request("GET", "/users/alice", headers=AP).json()["outbox"] == outbox
    fetched = peer.resolve(outbox, as_actor="reader")
    doc = fetched["raw"]
    assert doc["type"] == "OrderedCollection"
    account = api(vmst, "GET", f"/api/v1/accounts/{alice.account_id}").json()
    assert doc["totalItems"] == account["statuses_count"]
    assert doc["first"] == outbox + "?page=true"


def test_an_outbox_page_shows_public_posts_and_boosts_newest_first_and_pages_by_max_id(network):
    vmst, peer, _, s = network
    outbox = f"{vmst.base_url}/users/alice/outbox"
    first = peer.resolve(outbox + "?page=true", as_actor="reader")["raw"]
    assert first["type"] == "OrderedCollectionPage" and first["partOf"] == outbox
    items = first["orderedItems"]
    # Newest first: the public boost, then the unlisted and public posts; the unlisted boost, followers-only and
    # direct posts are not there.
    assert [i["type"] for i in items[:3]] == ["Announce", "Create", "Create"]
    assert items[0]["object"] == s["carols"]["uri"]
    assert items[1]["object"]["id"] == s["unlisted"]["uri"] and items[1]["object"]["type"] == "Note"
    assert items[2]["object"]["id"] == s["public"]["uri"]
    shown = {i["object"]["id"] if isinstance(i["object"], dict) else i["object"] for i in items}
    assert s["private"]["uri"] not in shown and s["direct"]["uri"] not in shown
    assert all(i["actor"] == f"{vmst.base_url}/users/alice" for i in items)

    # A full page of 20 public and unlisted statuses was read (the unlisted boost not shown), so the page links the
    # older ones by the last id it read: fillers 1 and 0.
    assert first["next"].startswith(outbox + "?max_id=")
    second = vmst.request("GET", first["next"][len(vmst.base_url):], headers=AP).json()
    contents = [i["object"]["content"] for i in second["orderedItems"]]
    assert contents == ["<p>filler 1</p>", "<p>filler 0</p>"]
    assert "next" not in second
    assert second["prev"].startswith(outbox + "?min_id=")
    assert vmst.request("GET", "/users/alice/outbox?page=true&max_id=x", headers=AP).status == 400


def test_featured_holds_the_pinned_posts_newest_first_at_the_advertised_url(network):
    vmst, peer, _, s = network
    actor = vmst.request("GET", "/users/alice", headers=AP).json()
    assert actor["featured"] == f"{vmst.base_url}/users/alice/collections/featured"
    featured = peer.resolve(actor["featured"], as_actor="reader")
    doc = featured["raw"]
    assert doc["type"] == "OrderedCollection"
    assert doc["totalItems"] == 2
    assert [n["id"] for n in doc["orderedItems"]] == [s["unlisted"]["uri"], s["public"]["uri"]]
    assert {n["type"] for n in doc["orderedItems"]} == {"Note"}

    tags = vmst.request("GET", actor["featuredTags"][len(vmst.base_url):], headers=AP).json()
    assert tags == {"@context": "https://www.w3.org/ns/activitystreams", "id": actor["featuredTags"],
                    "type": "Collection", "totalItems": 0, "items": []}
    assert vmst.request("GET", "/users/nobody/collections/featured", headers=AP).status == 404
