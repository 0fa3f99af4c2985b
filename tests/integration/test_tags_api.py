"""Hashtags over HTTP: GET /api/v1/tags/:name, following and unfollowing, /api/v1/followed_tags, and statuses with a
followed tag reaching the follower's home timeline."""
from api_client import api, links, make_user, post_status


def test_a_tag_shows_seven_days_of_use_and_whether_the_reader_follows_it(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    post_status(vmst, alice.token, "first #Café")
    post_status(vmst, alice.token, "again #cafe")
    post_status(vmst, bob.token, "me too #CAFE")
    r = api(vmst, "GET", "/api/v1/tags/cafe")
    assert r.status == 200, r.body
    tag = r.json()
    assert tag["name"] == "Café" and tag["url"].endswith("/tags/cafe") and tag["following"] is False
    assert len(tag["history"]) == 7
    today = tag["history"][0]
    assert (today["uses"], today["accounts"]) == ("3", "2")
    assert all(day["uses"] == "0" for day in tag["history"][1:])
    assert int(tag["history"][0]["day"]) - int(tag["history"][1]["day"]) == 86400

    unknown = api(vmst, "GET", "/api/v1/tags/nobodyusedthis").json()
    assert unknown["name"] == "nobodyusedthis" and "id" not in unknown and unknown["history"][0]["uses"] == "0"
    for bad in ("123", "no%20spaces", "%23"):
        r = api(vmst, "GET", f"/api/v1/tags/{bad}")
        assert (r.status, r.json()) == (404, {"error": "Record not found"}), bad


def test_following_a_tag_brings_its_public_statuses_home_and_lists_it(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    r = api(vmst, "POST", "/api/v1/tags/Gardening/follow", alice.token)
    assert r.status == 200, r.body
    assert r.json()["following"] is True and r.json()["name"] == "Gardening"
    assert api(vmst, "GET", "/api/v1/tags/gardening", alice.token).json()["following"] is True
    for name in ("knitting", "baking"):
        api(vmst, "POST", f"/api/v1/tags/{name}/follow", alice.token)

    shown = post_status(vmst, bob.token, "tomatoes #gardening").json()
    hidden = post_status(vmst, bob.token, "secret #gardening", visibility="private").json()
    other = post_status(vmst, bob.token, "unrelated #cooking").json()
    home = [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", alice.token).json()]
    assert shown["id"] in home
    assert hidden["id"] not in home and other["id"] not in home

    followed = api(vmst, "GET", "/api/v1/followed_tags?limit=2", alice.token)
    assert [t["name"] for t in followed.json()] == ["baking", "knitting"]
    rest = api(vmst, "GET", links(followed)["next"], alice.token).json()
    assert [t["name"] for t in rest] == ["Gardening"]

    r = api(vmst, "POST", "/api/v1/tags/gardening/unfollow", alice.token)
    assert r.json()["following"] is False
    later = post_status(vmst, bob.token, "more tomatoes #gardening").json()
    assert later["id"] not in [s["id"] for s in api(vmst, "GET", "/api/v1/timelines/home", alice.token).json()]
    assert api(vmst, "POST", "/api/v1/tags/gardening/follow").status == 401
    assert api(vmst, "GET", "/api/v1/followed_tags", bob.token).json() == []
