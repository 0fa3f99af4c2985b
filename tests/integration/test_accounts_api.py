"""Accounts over the client API: the signed-in user's own account (verify/update credentials, profile images),
reading accounts (by id, by handle, their statuses, followers and following with Link paging), relationships,
account search, lists, familiar followers, featured tags, and the error answers clients rely on."""
import os
import re

import pytest

from api_client import account_id, api, app_token, make_user, next_link, seed_status, sql, user_token
from harness import VmstInstance

TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
ISO_MILLIS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ACCOUNT_KEYS = {"id", "username", "acct", "display_name", "locked", "bot", "discoverable", "group", "created_at",
                "note", "url", "uri", "avatar", "avatar_static", "header", "header_static", "followers_count",
                "following_count", "statuses_count", "last_status_at", "emojis", "fields", "noindex",
                "hide_collections", "roles", "moved", "indexable", "memorial", "suspended", "limited"}
RELATIONSHIP_KEYS = {"id", "following", "showing_reblogs", "notifying", "languages", "followed_by", "blocking",
                     "blocked_by", "muting", "muting_notifications", "requested", "requested_by", "domain_blocking",
                     "endorsed", "note"}


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as instance:
        instance.start()
        tokens = {name: make_user(instance, name).token for name in ("alice", "bob", "carol", "dave", "erin")}
        yield instance, tokens


def test_verify_credentials_shows_the_own_account_with_source_and_role(server):
    vmst, t = server
    r = api(vmst, "GET", "/api/v1/accounts/verify_credentials", t["alice"])
    assert r.status == 200, r.body
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    me = r.json()
    assert ACCOUNT_KEYS <= set(me)
    assert me["acct"] == "alice" and me["username"] == "alice"
    assert me["id"] == account_id(vmst, "alice") and me["id"].isdigit()
    assert ISO_MILLIS.match(me["created_at"])
    assert me["source"]["privacy"] == "public"
    assert me["source"]["sensitive"] is False
    assert me["source"]["language"] is None
    assert me["source"]["note"] == ""
    assert me["source"]["fields"] == []
    assert me["source"]["follow_requests_count"] == 0
    assert {"id", "name", "color"} <= set(me["role"])


def test_verify_credentials_accepts_the_profile_scope(server):
    vmst, _ = server
    assert api(vmst, "GET", "/api/v1/accounts/verify_credentials", user_token(vmst, "alice", "profile")).status == 200


def test_auth_errors_have_mastodon_statuses_and_shapes(server):
    vmst, _ = server
    missing = api(vmst, "GET", "/api/v1/accounts/verify_credentials")
    assert missing.status == 401 and missing.json() == {"error": "The access token is invalid"}
    bad = api(vmst, "GET", "/api/v1/accounts/verify_credentials", "not-a-token")
    assert bad.status == 401
    app = api(vmst, "GET", "/api/v1/accounts/verify_credentials", app_token(vmst, "read"))
    assert app.status == 422 and app.json() == {"error": "This method requires an authenticated user"}
    narrow = api(vmst, "GET", "/api/v1/accounts/relationships", user_token(vmst, "alice", "read:statuses"),
                 query={"id[]": "1"})
    assert narrow.status == 403 and "error" in narrow.json()
    write_only = api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'bob')}/follow",
                     user_token(vmst, "alice", "read"))
    assert write_only.status == 403


def test_update_credentials_changes_the_profile_from_a_form(server):
    vmst, t = server
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["bob"], form=[
        ("display_name", "Bob <B>"), ("note", "Hi!\nSee https://example.com/x. <script>\n\nBye"),
        ("locked", "false"), ("bot", "1"), ("discoverable", "True"),
        ("fields_attributes[0][name]", "Site"), ("fields_attributes[0][value]", "https://bob.example.com"),
        ("fields_attributes[1][name]", ""), ("fields_attributes[1][value]", ""),
        ("source[privacy]", "unlisted"), ("source[sensitive]", "true"), ("source[language]", "de")])
    assert r.status == 200, r.body
    me = r.json()
    assert me["display_name"] == "Bob <B>"
    assert me["bot"] is True and me["discoverable"] is True
    assert me["note"].startswith("<p>Hi!<br />See <a href=\"https://example.com/x\"")
    assert "&lt;script&gt;" in me["note"] and "<script>" not in me["note"]
    assert me["note"].endswith("<p>Bye</p>")
    assert me["source"]["note"] == "Hi!\nSee https://example.com/x. <script>\n\nBye"
    assert me["source"]["privacy"] == "unlisted" and me["source"]["sensitive"] is True
    assert me["source"]["language"] == "de"
    assert [f["name"] for f in me["fields"]] == ["Site"]
    assert 'rel="nofollow noopener me"' in me["fields"][0]["value"]
    assert me["fields"][0]["verified_at"] is None
    assert me["source"]["fields"] == [{"name": "Site", "value": "https://bob.example.com"}]
    again = api(vmst, "GET", "/api/v1/accounts/verify_credentials", t["bob"]).json()
    assert again["display_name"] == "Bob <B>" and again["source"]["privacy"] == "unlisted"


def test_update_credentials_takes_json_too(server):
    vmst, t = server
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["carol"],
            json_body={"display_name": "Carol", "locked": True, "source": {"privacy": "private"},
                  "fields_attributes": [{"name": "a", "value": "1"}, {"name": "b", "value": "2"}]})
    assert r.status == 200, r.body
    me = r.json()
    assert me["locked"] is True and me["source"]["privacy"] == "private"
    assert [f["name"] for f in me["fields"]] == ["a", "b"]
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["carol"], json_body={"locked": False})


def test_update_credentials_stores_an_avatar_upload(server):
    vmst, t = server
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["dave"], form={"display_name": "Dave"},
            files={"avatar": ("me.png", TINY_PNG, "image/png")})
    assert r.status == 200, r.body
    me = r.json()
    assert me["avatar"].startswith(vmst.base_url + "/system/media/accounts/avatars/")
    assert me["avatar"].endswith(".png") and me["avatar_static"] == me["avatar"]
    assert me["header"].endswith("/headers/original/missing.png")
    path = sql(vmst, "SELECT m.file_path FROM accounts a JOIN media_attachments m ON m.id = a.avatar_media_id"
                     " WHERE a.username = 'dave'")[0][0]
    with open(os.path.join(vmst.data_dir, "media", path), "rb") as f:
        stored = f.read()
    # Re-encoded at Mastodon's avatar size, 400x400 (PNG IHDR: width and height at bytes 16..24).
    assert stored.startswith(b"\x89PNG") and stored[16:24] == (400).to_bytes(4, "big") * 2
    removed = api(vmst, "DELETE", "/api/v1/profile/avatar", t["dave"])
    assert removed.status == 200 and removed.json()["avatar"].endswith("/avatars/original/missing.png")
    assert not os.path.exists(os.path.join(vmst.data_dir, "media", path))
    assert api(vmst, "DELETE", "/api/v1/profile/header", t["dave"]).json()["display_name"] == "Dave"
    assert api(vmst, "DELETE", "/api/v1/profile/avatar").status == 401


@pytest.mark.parametrize("form,files,message", [
    ({"display_name": "x" * 31}, None, "Display name is too long"),
    ({"note": "x" * 501}, None, "Note is too long"),
    ({"source[privacy]": "everyone"}, None, "privacy"),
    ([(f"fields_attributes[{i}][name]", f"n{i}") for i in range(5)], None, "Fields"),
    ({}, {"avatar": ("a.png", b"not an image at all", "image/png")}, "Avatar content type is invalid"),
    ({}, {"header": ("a.txt", TINY_PNG, "text/plain")}, "Header content type is invalid"),
])
def test_update_credentials_rejects_invalid_input_with_422(server, form, files, message):
    vmst, t = server
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", t["erin"], form=form, files=files)
    assert r.status == 422, r.body
    assert message in r.json()["error"]
    assert r.json()["error"].startswith("Validation failed: ")


def test_update_credentials_rejects_malformed_json_with_400(server):
    vmst, t = server
    r = vmst.request("PATCH", "/api/v1/accounts/update_credentials", body="{nope",
                     headers={"Authorization": f"Bearer {t['erin']}", "Content-Type": "application/json"})
    assert r.status == 400 and "error" in r.json()


def test_get_account_by_id_and_unknown_ids(server):
    vmst, t = server
    bob = account_id(vmst, "bob")
    r = api(vmst, "GET", f"/api/v1/accounts/{bob}")
    assert r.status == 200 and r.json()["acct"] == "bob" and ACCOUNT_KEYS <= set(r.json())
    for bad in ("999999", "abc", "-1"):
        missing = api(vmst, "GET", f"/api/v1/accounts/{bad}", t["alice"])
        assert missing.status == 404 and missing.json() == {"error": "Record not found"}


def test_the_instance_actor_is_not_an_account_of_the_api(server):
    vmst, t = server
    actor = sql(vmst, "SELECT id FROM accounts WHERE actor_type = 'Application'")[0][0]
    assert api(vmst, "GET", f"/api/v1/accounts/{actor}").status == 404


def test_lookup_finds_local_accounts_by_handle(server):
    vmst, _ = server
    for acct in ("bob", "@bob", "BOB", f"bob@{vmst.domain}"):
        r = api(vmst, "GET", "/api/v1/accounts/lookup", query={"acct": acct})
        assert r.status == 200, acct
        assert r.json()["id"] == account_id(vmst, "bob")
    assert api(vmst, "GET", "/api/v1/accounts/lookup", query={"acct": "nobody"}).json() == {"error": "Record not found"}
    assert api(vmst, "GET", "/api/v1/accounts/lookup", query={"acct": "x@unknown.example"}).status == 404
    assert api(vmst, "GET", "/api/v1/accounts/lookup").status == 404


def test_relationships_come_one_per_id_in_request_order_with_every_key(server):
    vmst, t = server
    bob, carol = account_id(vmst, "bob"), account_id(vmst, "carol")
    assert api(vmst, "POST", f"/api/v1/accounts/{bob}/follow", t["alice"]).status == 200
    r = api(vmst, "GET", "/api/v1/accounts/relationships", t["alice"],
            query=[("id[]", carol), ("id[]", "12345"), ("id[]", bob)])
    assert r.status == 200
    rels = r.json()
    assert [x["id"] for x in rels] == [carol, bob]
    for rel in rels:
        assert set(rel) == RELATIONSHIP_KEYS
    assert rels[1]["following"] is True and rels[1]["showing_reblogs"] is True
    assert rels[0]["following"] is False and rels[0]["showing_reblogs"] is False and rels[0]["note"] == ""
    single = api(vmst, "GET", "/api/v1/accounts/relationships", t["bob"], query={"id": account_id(vmst, "alice")})
    assert single.json()[0]["followed_by"] is True
    assert api(vmst, "GET", "/api/v1/accounts/relationships", t["bob"]).json() == []


def test_followers_and_following_page_with_link_headers(server):
    vmst, _ = server
    target = make_user(vmst, "popular").token
    followers = []
    for i in range(3):
        name = f"fan{i}"
        token = make_user(vmst, name).token
        assert api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'popular')}/follow", token).status == 200
        followers.append(account_id(vmst, name))
    seen = []
    path = f"/api/v1/accounts/{account_id(vmst, 'popular')}/followers?limit=1"
    pages = 0
    while path:
        r = api(vmst, "GET", path, target)
        assert r.status == 200
        page = r.json()
        pages += 1
        assert len(page) <= 1
        seen += [a["id"] for a in page]
        if page:
            assert 'rel="prev"' in r.headers["link"]
            assert r.headers["link"].startswith("<") and "limit=1" in r.headers["link"]
        path = next_link(r)
        assert pages < 10, "the Link chain does not end"
    assert seen == list(reversed(followers))
    following = api(vmst, "GET", f"/api/v1/accounts/{account_id(vmst, 'fan0')}/following").json()
    assert [a["acct"] for a in following] == ["popular"]


def test_hidden_collections_show_empty_lists_to_others(server):
    vmst, t = server
    token = make_user(vmst, "shy").token
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'shy')}/follow", t["erin"])
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", token, form={"hide_collections": "true"})
    shy = account_id(vmst, "shy")
    assert api(vmst, "GET", f"/api/v1/accounts/{shy}/followers", t["alice"]).json() == []
    assert len(api(vmst, "GET", f"/api/v1/accounts/{shy}/followers", token).json()) == 1


def test_account_statuses_respect_visibility_and_filters(server):
    vmst, t = server
    make_user(vmst, "writer").token
    public = seed_status(vmst, "writer", "public post")
    private = seed_status(vmst, "writer", "followers only", visibility="private")
    direct = seed_status(vmst, "writer", "secret", visibility="direct")
    reply = seed_status(vmst, "writer", "self reply", in_reply_to=public)
    writer = account_id(vmst, "writer")
    anonymous = [s["id"] for s in api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses").json()]
    assert anonymous == [reply, public]
    api(vmst, "POST", f"/api/v1/accounts/{writer}/follow", t["carol"])
    follower = [s["id"] for s in api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses", t["carol"]).json()]
    assert follower == [reply, private, public]
    own = [s["id"] for s in api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses",
                                user_token(vmst, "writer")).json()]
    assert own == [reply, direct, private, public]
    no_replies = api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses", query={"exclude_replies": "true"}).json()
    assert [s["id"] for s in no_replies] == [reply, public]  # a reply to oneself is a thread, not a reply
    page = api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses", query={"limit": 1})
    assert len(page.json()) == 1 and next_link(page) is not None
    assert api(vmst, "GET", f"/api/v1/accounts/{writer}/statuses", query={"pinned": "true"}).json() == []
    assert api(vmst, "GET", "/api/v1/accounts/424242/statuses").status == 404


def test_account_search_finds_local_accounts_with_bare_acct(server):
    vmst, t = server
    r = api(vmst, "GET", "/api/v1/accounts/search", t["alice"], query={"q": "car"})
    assert r.status == 200
    assert [a["acct"] for a in r.json()][:1] == ["carol"]
    by_name = api(vmst, "GET", "/api/v1/accounts/search", t["alice"], query={"q": "Dave"}).json()
    assert "dave" in [a["acct"] for a in by_name]
    exact = api(vmst, "GET", "/api/v1/accounts/search", t["alice"], query={"q": f"@bob@{vmst.domain}"}).json()
    assert exact[0]["acct"] == "bob"
    followed = api(vmst, "GET", "/api/v1/accounts/search", t["alice"], query={"q": "b", "following": "true"}).json()
    assert [a["acct"] for a in followed] == ["bob"]
    assert api(vmst, "GET", "/api/v1/accounts/search", query={"q": "bob"}).status == 401


def test_lists_familiar_followers_and_featured_tags(server):
    vmst, t = server
    bob = account_id(vmst, "bob")
    assert api(vmst, "GET", f"/api/v1/accounts/{bob}/lists", t["alice"]).json() == []
    list_id = sql(vmst, "INSERT INTO lists (id, account_id, title, created_at) VALUES (?, ?, 'Friends', 0) RETURNING id",
                  991, int(account_id(vmst, "alice")))[0][0]
    sql(vmst, "INSERT INTO list_accounts (list_id, account_id) VALUES (?, ?)", list_id, int(bob))
    lists = api(vmst, "GET", f"/api/v1/accounts/{bob}/lists", t["alice"]).json()
    assert lists == [{"id": "991", "title": "Friends", "replies_policy": "list", "exclusive": False}]
    assert api(vmst, "GET", "/api/v1/accounts/999999/lists", t["alice"]).status == 404

    # carol follows alice's friend bob too: carol -> bob, and alice follows carol.
    api(vmst, "POST", f"/api/v1/accounts/{bob}/follow", t["carol"])
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'carol')}/follow", t["alice"])
    familiar = api(vmst, "GET", "/api/v1/accounts/familiar_followers", t["alice"], query={"id[]": [bob, "777"]}).json()
    assert len(familiar) == 1 and familiar[0]["id"] == bob
    assert [a["acct"] for a in familiar[0]["accounts"]] == ["carol"]

    assert api(vmst, "GET", f"/api/v1/accounts/{bob}/featured_tags").json() == []
    assert api(vmst, "GET", "/api/v1/accounts/999999/featured_tags").status == 404
