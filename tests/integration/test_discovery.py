"""WebFinger, host-meta, NodeInfo and actor documents, as a remote server sees them over real HTTP."""
import json
import urllib.parse

import pytest

AP = "application/activity+json"
LD = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'


@pytest.fixture
def server(vmst):
    vmst.cli("account", "create", "alice", "--email", "alice@example.org")
    vmst.cli("account", "create", "bob", "--email", "bob@example.org")
    return vmst


def webfinger(server, resource):
    return server.request("GET", "/.well-known/webfinger?resource=" + urllib.parse.quote(resource, safe=""))


def test_webfinger_resolves_an_acct_handle_with_the_port(server):
    r = webfinger(server, f"acct:alice@{server.domain}")
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/jrd+json")
    assert r.headers["access-control-allow-origin"] == "*"
    jrd = r.json()
    assert jrd["subject"] == f"acct:alice@{server.domain}"
    self_links = [l for l in jrd["links"] if l["rel"] == "self"]
    assert self_links == [{"rel": "self", "type": AP, "href": f"{server.base_url}/users/alice"}]
    profile = [l for l in jrd["links"] if l["rel"] == "http://webfinger.net/rel/profile-page"]
    assert profile[0]["href"] == f"{server.base_url}/@alice"


def test_webfinger_accepts_the_actor_url_and_case_insensitive_handles(server):
    assert webfinger(server, f"{server.base_url}/users/alice").json()["subject"] == f"acct:alice@{server.domain}"
    assert webfinger(server, f"ALICE@{server.domain.upper()}").json()["subject"] == f"acct:alice@{server.domain}"
    assert webfinger(server, f"@bob@{server.domain}").status == 200


def test_webfinger_unknown_is_404_and_malformed_is_400(server):
    assert webfinger(server, f"acct:nobody@{server.domain}").status == 404
    assert webfinger(server, "acct:alice@elsewhere.example").status == 404
    assert webfinger(server, "https://elsewhere.example/users/alice").status == 404
    assert webfinger(server, "acct:no-at-sign").status == 400
    missing = server.request("GET", "/.well-known/webfinger")
    assert missing.status == 400
    assert "error" in missing.json()


def test_webfinger_resolves_the_instance_actor(server):
    jrd = webfinger(server, f"acct:{server.domain}@{server.domain}").json()
    assert [l["href"] for l in jrd["links"] if l["rel"] == "self"] == [f"{server.base_url}/actor"]


def test_host_meta_points_to_webfinger(server):
    r = server.request("GET", "/.well-known/host-meta")
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/xrd+xml")
    assert f'template="{server.base_url}/.well-known/webfinger?resource={{uri}}"' in r.body


def test_nodeinfo_links_and_documents(server):
    links = server.request("GET", "/.well-known/nodeinfo").json()["links"]
    assert {l["rel"].rsplit("/", 1)[1] for l in links} == {"2.0", "2.1"}
    for link in links:
        path = urllib.parse.urlparse(link["href"]).path
        r = server.request("GET", path)
        assert r.status == 200
        assert r.headers["content-type"].startswith("application/json; profile=")
        doc = r.json()
        assert doc["version"] == path.rsplit("/", 1)[1]
        assert doc["software"]["name"] == "vmst"
        assert doc["protocols"] == ["activitypub"]
        assert doc["openRegistrations"] is False
        assert doc["usage"]["users"]["total"] == 2
        assert doc["usage"]["localPosts"] == 0
        assert doc["metadata"]["nodeName"] == "vmst test"


@pytest.mark.parametrize("accept", [AP, LD, "application/ld+json", "application/json, text/html;q=0.5"])
def test_actor_document_for_activitypub_accept_headers(server, accept):
    r = server.request("GET", "/users/alice", headers={"Accept": accept})
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/activity+json")
    actor = r.json()
    assert "https://www.w3.org/ns/activitystreams" in actor["@context"]
    assert actor["id"] == f"{server.base_url}/users/alice"
    assert actor["type"] == "Person"
    assert actor["preferredUsername"] == "alice"
    assert actor["inbox"] == f"{server.base_url}/users/alice/inbox"
    assert actor["endpoints"]["sharedInbox"] == f"{server.base_url}/inbox"
    assert actor["followers"] == f"{server.base_url}/users/alice/followers"
    assert actor["publicKey"]["id"] == f"{server.base_url}/users/alice#main-key"
    assert actor["publicKey"]["owner"] == actor["id"]
    assert actor["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")
    assert actor["manuallyApprovesFollowers"] is False
    assert actor["webfinger"] == f"alice@{server.domain}"
    assert actor["published"].endswith("T00:00:00Z")


def test_browsers_are_sent_to_the_profile_page(server):
    r = server.request("GET", "/users/alice", headers={"Accept": "text/html"})
    assert r.status == 302
    assert r.headers["location"] == f"{server.base_url}/@alice"
    page = server.request("GET", "/@alice", headers={"Accept": "text/html"})
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f"@alice@{server.domain}" in page.body
    as_json = server.request("GET", "/@alice", headers={"Accept": AP})
    assert as_json.json()["id"] == f"{server.base_url}/users/alice"


def test_instance_actor_is_an_application_with_a_key(server):
    actor = server.request("GET", "/actor", headers={"Accept": AP}).json()
    assert actor["type"] == "Application"
    assert actor["id"] == f"{server.base_url}/actor"
    assert actor["preferredUsername"] == server.domain
    assert actor["inbox"] == f"{server.base_url}/actor/inbox"
    assert actor["publicKey"]["publicKeyPem"].startswith("-----BEGIN PUBLIC KEY-----")


def test_unknown_actors_are_404(server):
    assert server.request("GET", "/users/nobody", headers={"Accept": AP}).status == 404
    assert server.request("GET", "/@nobody").status == 404
    assert server.request("GET", f"/users/{server.domain}", headers={"Accept": AP}).status == 404
    assert server.request("GET", "/nothing-here").status == 404


def test_followers_and_following_collections_are_paged(server):
    for name in ("followers", "following"):
        doc = server.request("GET", f"/users/alice/{name}", headers={"Accept": AP}).json()
        assert doc["type"] == "OrderedCollection"
        assert doc["id"] == f"{server.base_url}/users/alice/{name}"
        assert doc["totalItems"] == 0
        assert doc["first"] == f"{doc['id']}?page=1"
        page = server.request("GET", f"/users/alice/{name}?page=1", headers={"Accept": AP}).json()
        assert page["type"] == "OrderedCollectionPage"
        assert page["partOf"] == doc["id"]
        assert page["orderedItems"] == []
        assert "next" not in page
    assert server.request("GET", "/users/alice/followers?page=zero").status == 400
    assert server.request("GET", "/users/nobody/followers").status == 404
