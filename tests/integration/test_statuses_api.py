"""POST/GET/PUT/DELETE /api/v1/statuses and the per-user actions, over real HTTP against the binary."""
import re

from api_client import api, make_user

ISO_MS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
STATUS_KEYS = {"id", "uri", "url", "created_at", "account", "content", "visibility", "sensitive", "spoiler_text",
               "media_attachments", "mentions", "tags", "emojis", "reblogs_count", "favourites_count",
               "replies_count", "in_reply_to_id", "in_reply_to_account_id", "reblog", "poll", "card", "language",
               "edited_at", "text", "application", "favourited", "reblogged", "muted", "bookmarked", "filtered"}


def post(vmst, user, **body):
    r = api(vmst, "POST", "/api/v1/statuses", user.token, json_body=body)
    assert r.status == 200, r.body
    return r.json()


def test_posting_renders_links_mentions_and_hashtags_with_every_documented_key(vmst):
    alice = make_user(vmst, "alice")
    make_user(vmst, "bob")
    s = post(vmst, alice, status="hi @bob see https://example.com/page #Test", visibility="public", language="en")
    assert STATUS_KEYS <= set(s), STATUS_KEYS - set(s)
    assert s["id"].isdigit() and ISO_MS.match(s["created_at"])
    assert s["account"]["acct"] == "alice" and s["account"]["statuses_count"] == 1
    assert [m["acct"] for m in s["mentions"]] == ["bob"]
    assert [t["name"] for t in s["tags"]] == ["test"]
    assert 'class="u-url mention"' in s["content"] and 'class="mention hashtag"' in s["content"]
    assert 'href="https://example.com/page"' in s["content"]
    assert s["uri"] == f"{vmst.base_url}/users/alice/statuses/{s['id']}"
    assert s["pinned"] is False and s["favourited"] is False
    assert s["application"] == {"name": "vmst tests", "website": None}  # the app make_user signs in with
    # The same status reads back identically.
    again = api(vmst, "GET", f"/api/v1/statuses/{s['id']}", alice.token).json()
    assert again == s


def test_form_encoded_posts_with_array_params_and_idempotency_key_give_one_status(vmst):
    alice = make_user(vmst, "alice")
    headers = {"Idempotency-Key": "abc-123"}
    r1 = api(vmst, "POST", "/api/v1/statuses", alice.token, form={"status": "once", "sensitive": "True"},
             headers=headers)
    r2 = api(vmst, "POST", "/api/v1/statuses", alice.token, form={"status": "once", "sensitive": "True"},
             headers=headers)
    assert r1.status == r2.status == 200
    assert r1.json()["id"] == r2.json()["id"]
    assert r1.json()["sensitive"] is True


def test_bad_posts_get_mastodon_errors_and_change_nothing(vmst):
    alice = make_user(vmst, "alice")
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "   "})
    assert r.status == 422 and r.json()["error"] == "Validation failed: Text can't be blank"
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "x" * 501})
    assert r.status == 422 and "character limit" in r.json()["error"]
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "hi", "visibility": "loud"})
    assert r.status == 422
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "hi", "media_ids": ["999"]})
    assert r.status == 422
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "hi", "in_reply_to_id": "12345"})
    assert r.status == 404 and r.json() == {"error": "Record not found"}
    r = vmst.request("POST", "/api/v1/statuses", body="{not json",
                     headers={"Authorization": f"Bearer {alice.token}", "Content-Type": "application/json"})
    assert r.status == 400 and "error" in r.json()
    r = api(vmst, "POST", "/api/v1/statuses", None, json_body={"status": "anon"})
    assert r.status == 401 and r.json() == {"error": "The access token is invalid"}
    r = api(vmst, "POST", "/api/v1/statuses", "not-a-token", json_body={"status": "x"})
    assert r.status == 401
    reader = make_user(vmst, "reader", scopes="read")
    r = api(vmst, "POST", "/api/v1/statuses", reader.token, json_body={"status": "x"})
    assert r.status == 403 and r.json()["error"] == "This action is outside the authorized scopes"
    me = api(vmst, "GET", "/api/v1/statuses/abc", alice.token)
    assert me.status == 404
    # Nothing was posted by any of those.
    r = vmst.request("GET", f"/users/alice/outbox", headers={"Accept": "application/activity+json"})
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "first real"})
    assert r.json()["account"]["statuses_count"] == 1


def test_private_and_direct_statuses_are_hidden_from_others(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    carol = make_user(vmst, "carol")
    private = post(vmst, alice, status="followers only", visibility="private")
    direct = post(vmst, alice, status="@bob psst", visibility="direct")
    for token in (None, carol.token):
        assert api(vmst, "GET", f"/api/v1/statuses/{private['id']}", token).status == 404
        assert api(vmst, "GET", f"/api/v1/statuses/{direct['id']}", token).status == 404
    assert api(vmst, "GET", f"/api/v1/statuses/{direct['id']}", bob.token).status == 200
    assert api(vmst, "GET", f"/api/v1/statuses/{private['id']}", bob.token).status == 404
    # Others cannot favourite what they cannot see, nor delete someone else's status.
    assert api(vmst, "POST", f"/api/v1/statuses/{private['id']}/favourite", carol.token).status == 404
    public = post(vmst, alice, status="public")
    assert api(vmst, "DELETE", f"/api/v1/statuses/{public['id']}", bob.token).status == 404


def test_edit_keeps_history_and_source(vmst):
    alice = make_user(vmst, "alice")
    s = post(vmst, alice, status="first #one")
    r = api(vmst, "PUT", f"/api/v1/statuses/{s['id']}", alice.token, json_body={"status": "second #two"})
    assert r.status == 200, r.body
    edited = r.json()
    assert edited["edited_at"] and ISO_MS.match(edited["edited_at"])
    assert [t["name"] for t in edited["tags"]] == ["two"]
    history = api(vmst, "GET", f"/api/v1/statuses/{s['id']}/history", alice.token).json()
    assert [h["content"] for h in history] == [s["content"], edited["content"]]
    source = api(vmst, "GET", f"/api/v1/statuses/{s['id']}/source", alice.token).json()
    assert source == {"id": s["id"], "text": "second #two", "spoiler_text": ""}
    bob = make_user(vmst, "bob")
    assert api(vmst, "PUT", f"/api/v1/statuses/{s['id']}", bob.token, json_body={"status": "x"}).status == 404


def test_delete_returns_the_source_for_redraft_and_the_status_is_gone(vmst):
    alice = make_user(vmst, "alice")
    s = post(vmst, alice, status="bye *now*")
    r = api(vmst, "DELETE", f"/api/v1/statuses/{s['id']}", alice.token)
    assert r.status == 200 and r.json()["text"] == "bye *now*"
    assert api(vmst, "GET", f"/api/v1/statuses/{s['id']}", alice.token).status == 404
    me = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "again"}).json()
    assert me["account"]["statuses_count"] == 1


def test_deleting_a_boost_by_its_id_takes_it_out_of_the_boosters_post_count(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    s = post(vmst, alice, status="boost me")
    wrapper = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/reblog", bob.token).json()
    assert wrapper["account"]["statuses_count"] == 1
    assert api(vmst, "DELETE", f"/api/v1/statuses/{wrapper['id']}", bob.token).status == 200
    me = api(vmst, "GET", "/api/v1/accounts/verify_credentials", bob.token).json()
    assert me["statuses_count"] == 0
    assert api(vmst, "GET", f"/api/v1/statuses/{s['id']}", alice.token).json()["reblogs_count"] == 0


def test_favourite_reblog_bookmark_pin_and_their_lists(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    s = post(vmst, alice, status="like me")
    fav = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/favourite", bob.token).json()
    assert fav["favourited"] is True and fav["favourites_count"] == 1
    again = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/favourite", bob.token).json()
    assert again["favourites_count"] == 1
    wrapper = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/reblog", bob.token).json()
    assert wrapper["id"] != s["id"] and wrapper["reblog"]["id"] == s["id"]
    assert wrapper["content"] == "" and wrapper["account"]["acct"] == "bob"
    assert wrapper["reblog"]["reblogged"] is True and wrapper["reblog"]["reblogs_count"] == 1
    # Acting on the wrapper acts on the original.
    assert api(vmst, "GET", f"/api/v1/statuses/{wrapper['id']}", bob.token).json()["reblog"]["id"] == s["id"]
    by = api(vmst, "GET", f"/api/v1/statuses/{s['id']}/favourited_by", alice.token).json()
    assert [a["acct"] for a in by] == ["bob"]
    by = api(vmst, "GET", f"/api/v1/statuses/{s['id']}/reblogged_by", alice.token).json()
    assert [a["acct"] for a in by] == ["bob"]
    marked = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/bookmark", bob.token).json()
    assert marked["bookmarked"] is True
    pinned = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/pin", alice.token).json()
    assert pinned["pinned"] is True
    assert api(vmst, "POST", f"/api/v1/statuses/{s['id']}/pin", bob.token).status == 404
    muted = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/mute", alice.token).json()
    assert muted["muted"] is True
    unfav = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/unfavourite", bob.token).json()
    assert unfav["favourited"] is False and unfav["favourites_count"] == 0
    unre = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/unreblog", bob.token).json()
    assert unre["id"] == s["id"] and unre["reblogged"] is False and unre["reblogs_count"] == 0
    assert api(vmst, "GET", f"/api/v1/statuses/{wrapper['id']}", bob.token).status == 404


def test_private_statuses_cannot_be_reblogged(vmst):
    alice = make_user(vmst, "alice")
    s = post(vmst, alice, status="mine", visibility="private")
    r = api(vmst, "POST", f"/api/v1/statuses/{s['id']}/reblog", alice.token)
    assert r.status == 403 and r.json()["error"] == "This action is not allowed"


def test_thread_context_lists_ancestors_and_descendants_in_order(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    root = post(vmst, alice, status="root")
    a = post(vmst, bob, status="@alice reply a", in_reply_to_id=root["id"])
    b = post(vmst, alice, status="@bob reply b", in_reply_to_id=a["id"])
    c = post(vmst, bob, status="@alice reply c", in_reply_to_id=root["id"])
    hidden = post(vmst, bob, status="@alice secret", in_reply_to_id=root["id"], visibility="direct")
    ctx = api(vmst, "GET", f"/api/v1/statuses/{b['id']}/context").json()
    assert [s["id"] for s in ctx["ancestors"]] == [root["id"], a["id"]]
    ctx = api(vmst, "GET", f"/api/v1/statuses/{root['id']}/context").json()
    assert [s["id"] for s in ctx["descendants"]] == [a["id"], b["id"], c["id"]]
    ctx = api(vmst, "GET", f"/api/v1/statuses/{root['id']}/context", alice.token).json()
    assert [s["id"] for s in ctx["descendants"]] == [a["id"], b["id"], c["id"], hidden["id"]]
    root_now = api(vmst, "GET", f"/api/v1/statuses/{root['id']}").json()
    assert root_now["replies_count"] == 3
    assert a["in_reply_to_id"] == root["id"] and a["in_reply_to_account_id"] == alice.id


def test_statuses_by_id_list_skips_missing_and_hidden(vmst):
    alice = make_user(vmst, "alice")
    s1 = post(vmst, alice, status="one")
    s2 = post(vmst, alice, status="two", visibility="private")
    r = api(vmst, "GET", "/api/v1/statuses", query={"id[]": [s1["id"], s2["id"], "123"]})
    assert [s["id"] for s in r.json()] == [s1["id"]]


def test_public_statuses_are_served_as_notes_at_their_ids_and_private_ones_are_not(vmst):
    alice = make_user(vmst, "alice")
    make_user(vmst, "bob")
    s = post(vmst, alice, status="hello @bob #Fedi", visibility="public", language="en")
    path = s["uri"][len(vmst.base_url):]
    r = vmst.request("GET", path, headers={"Accept": "application/activity+json"})
    assert r.status == 200 and r.headers["content-type"].startswith("application/activity+json")
    note = r.json()
    assert note["id"] == s["uri"] and note["type"] == "Note"
    assert note["attributedTo"] == f"{vmst.base_url}/users/alice"
    assert note["to"] == ["https://www.w3.org/ns/activitystreams#Public"]
    assert f"{vmst.base_url}/users/alice/followers" in note["cc"] and f"{vmst.base_url}/users/bob" in note["cc"]
    assert note["content"] == s["content"] and note["contentMap"] == {"en": s["content"]}
    kinds = {(t["type"], t["name"]) for t in note["tag"]}
    assert ("Hashtag", "#fedi") in kinds and ("Mention", f"@bob@{vmst.domain}") in kinds
    browser = vmst.request("GET", path, headers={"Accept": "text/html"})
    assert browser.status == 302 and browser.headers["location"].endswith(f"/@alice/{s['id']}")
    hidden = post(vmst, alice, status="secret", visibility="private")
    r = vmst.request("GET", hidden["uri"][len(vmst.base_url):], headers={"Accept": "application/activity+json"})
    assert r.status == 404
    r = vmst.request("GET", f"/users/bob/statuses/{s['id']}", headers={"Accept": "application/activity+json"})
    assert r.status == 404


def test_favourites_and_bookmarks_list_in_the_order_they_were_made_and_page_by_link(vmst):
    from api_client import links
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    older = post(vmst, alice, status="older")["id"]
    newer = post(vmst, alice, status="newer")["id"]
    for kind, action in (("favourites", "favourite"), ("bookmarks", "bookmark")):
        # The older status is saved last, so it comes first: the list is ordered by when it was saved.
        for status_id in (newer, older):
            assert api(vmst, "POST", f"/api/v1/statuses/{status_id}/{action}", bob.token).status == 200
        whole = api(vmst, "GET", f"/api/v1/{kind}", bob.token)
        assert [s["id"] for s in whole.json()] == [older, newer], kind
        first = api(vmst, "GET", f"/api/v1/{kind}?limit=1", bob.token)
        assert [s["id"] for s in first.json()] == [older]
        second = api(vmst, "GET", links(first)["next"], bob.token)
        assert [s["id"] for s in second.json()] == [newer]
        assert api(vmst, "GET", f"/api/v1/{kind}", alice.token).json() == []
        assert api(vmst, "POST", f"/api/v1/statuses/{older}/un{action}", bob.token).status == 200
        assert [s["id"] for s in api(vmst, "GET", f"/api/v1/{kind}", bob.token).json()] == [newer]
        r = api(vmst, "GET", f"/api/v1/{kind}")
        assert (r.status, r.json()) == (401, {"error": "The access token is invalid"})
