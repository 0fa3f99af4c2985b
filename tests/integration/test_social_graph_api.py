"""The social graph over the client API between local users: follow (open and locked accounts, with the follow
request authorized or rejected), unfollow, remove from followers, block, mute, notes, endorsements, and the lists
of follow requests, blocks, mutes and blocked domains with their Link paging."""
import time

import pytest

from api_client import account_id, api, make_user, next_link, sql
from harness import VmstInstance


@pytest.fixture(scope="module")
def vmst():
    with VmstInstance() as instance:
        instance.start()
        yield instance


def notifications(vmst, username):
    return [row[0] for row in sql(vmst, "SELECT n.type FROM notifications n JOIN accounts a ON a.id = n.account_id"
                                        " WHERE a.username = ? ORDER BY n.id", username)]


def test_following_an_open_account_is_immediate_and_notifies(vmst):
    a, b = make_user(vmst, "ann").token, make_user(vmst, "ben").token
    ben = account_id(vmst, "ben")
    r = api(vmst, "POST", f"/api/v1/accounts/{ben}/follow", a, json_body={"reblogs": False, "notify": True,
                                                                       "languages": ["en", "de"]})
    assert r.status == 200, r.body
    rel = r.json()
    assert rel["id"] == ben and rel["following"] is True and rel["requested"] is False
    assert rel["showing_reblogs"] is False and rel["notifying"] is True and rel["languages"] == ["en", "de"]
    assert notifications(vmst, "ben") == ["follow"]
    assert api(vmst, "GET", f"/api/v1/accounts/{ben}", a).json()["followers_count"] == 1
    # Following again only changes the options.
    again = api(vmst, "POST", f"/api/v1/accounts/{ben}/follow", a, form={"reblogs": "true"}).json()
    assert again["showing_reblogs"] is True and again["notifying"] is True
    assert notifications(vmst, "ben") == ["follow"]
    back = api(vmst, "GET", "/api/v1/accounts/relationships", b, query={"id[]": account_id(vmst, "ann")}).json()[0]
    assert back["followed_by"] is True and back["following"] is False

    r = api(vmst, "POST", f"/api/v1/accounts/{ben}/unfollow", a)
    assert r.json()["following"] is False and r.json()["showing_reblogs"] is False
    assert notifications(vmst, "ben") == []


def test_a_locked_account_gets_a_follow_request_it_can_authorize(vmst):
    owner = make_user(vmst, "lock").token
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", owner, form={"locked": "true"})
    asker = make_user(vmst, "asker").token
    lock = account_id(vmst, "lock")
    rel = api(vmst, "POST", f"/api/v1/accounts/{lock}/follow", asker).json()
    assert rel["following"] is False and rel["requested"] is True and rel["showing_reblogs"] is True
    assert notifications(vmst, "lock") == ["follow_request"]
    assert api(vmst, "GET", "/api/v1/accounts/verify_credentials", owner).json()["source"]["follow_requests_count"] == 1

    listed = api(vmst, "GET", "/api/v1/follow_requests", owner)
    assert listed.status == 200 and [a["acct"] for a in listed.json()] == ["asker"]
    asker_id = account_id(vmst, "asker")
    rel = api(vmst, "POST", f"/api/v1/follow_requests/{asker_id}/authorize", owner)
    assert rel.status == 200 and rel.json()["id"] == asker_id and rel.json()["followed_by"] is True
    assert rel.json()["requested_by"] is False
    assert api(vmst, "GET", "/api/v1/follow_requests", owner).json() == []
    mine = api(vmst, "GET", "/api/v1/accounts/relationships", asker, query={"id[]": lock}).json()[0]
    assert mine["following"] is True and mine["requested"] is False
    assert api(vmst, "POST", f"/api/v1/follow_requests/{asker_id}/authorize", owner).status == 404


def test_a_rejected_follow_request_leaves_no_relationship(vmst):
    owner = make_user(vmst, "gate").token
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", owner, json_body={"locked": True})
    knocker = make_user(vmst, "knocker").token
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'gate')}/follow", knocker)
    r = api(vmst, "POST", f"/api/v1/follow_requests/{account_id(vmst, 'knocker')}/reject", owner)
    assert r.status == 200 and r.json()["requested_by"] is False and r.json()["followed_by"] is False
    mine = api(vmst, "GET", "/api/v1/accounts/relationships", knocker,
               query={"id[]": account_id(vmst, "gate")}).json()[0]
    assert mine["requested"] is False and mine["following"] is False
    assert notifications(vmst, "gate") == []
    assert api(vmst, "POST", "/api/v1/follow_requests/999999/reject", owner).status == 404


def test_follow_requests_page_with_row_cursors(vmst):
    owner = make_user(vmst, "star").token
    api(vmst, "PATCH", "/api/v1/accounts/update_credentials", owner, form={"locked": "1"})
    names = [f"req{i}" for i in range(3)]
    for name in names:
        api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'star')}/follow", make_user(vmst, name).token)
    seen, path = [], "/api/v1/follow_requests?limit=2"
    while path:
        r = api(vmst, "GET", path, owner)
        seen += [a["acct"] for a in r.json()]
        path = next_link(r)
    assert seen == list(reversed(names))


def test_remove_from_followers(vmst):
    host, guest = make_user(vmst, "host").token, make_user(vmst, "guest").token
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'host')}/follow", guest)
    r = api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'guest')}/remove_from_followers", host)
    assert r.status == 200 and r.json()["followed_by"] is False


def test_following_oneself_or_a_blocker_is_refused(vmst):
    me = make_user(vmst, "solo").token
    assert api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'solo')}/follow", me).status == 404
    blocker = make_user(vmst, "wall").token
    api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'solo')}/block", blocker)
    r = api(vmst, "POST", f"/api/v1/accounts/{account_id(vmst, 'wall')}/follow", me)
    assert r.status == 403 and r.json() == {"error": "This action is not allowed"}
    assert api(vmst, "POST", "/api/v1/accounts/999999/follow", me).json() == {"error": "Record not found"}


def test_blocking_ends_follows_both_ways_and_lists_the_block(vmst):
    x, y = make_user(vmst, "xena").token, make_user(vmst, "yuri").token
    xena, yuri = account_id(vmst, "xena"), account_id(vmst, "yuri")
    api(vmst, "POST", f"/api/v1/accounts/{yuri}/follow", x)
    api(vmst, "POST", f"/api/v1/accounts/{xena}/follow", y)
    rel = api(vmst, "POST", f"/api/v1/accounts/{yuri}/block", x).json()
    assert rel["blocking"] is True and rel["following"] is False and rel["followed_by"] is False
    assert api(vmst, "GET", "/api/v1/accounts/relationships", y, query={"id[]": xena}).json()[0]["blocked_by"] is True
    blocks = api(vmst, "GET", "/api/v1/blocks", x)
    assert [a["acct"] for a in blocks.json()] == ["yuri"] and 'rel="prev"' in blocks.headers["link"]
    assert api(vmst, "POST", f"/api/v1/accounts/{yuri}/unblock", x).json()["blocking"] is False
    assert api(vmst, "GET", "/api/v1/blocks", x).json() == []


def test_mutes_with_and_without_duration(vmst):
    m = make_user(vmst, "muter").token
    make_user(vmst, "loud").token
    make_user(vmst, "brief").token
    loud, brief = account_id(vmst, "loud"), account_id(vmst, "brief")
    rel = api(vmst, "POST", f"/api/v1/accounts/{loud}/mute", m, form={"notifications": "false"}).json()
    assert rel["muting"] is True and rel["muting_notifications"] is False
    rel = api(vmst, "POST", f"/api/v1/accounts/{brief}/mute", m, json_body={"duration": 3600}).json()
    assert rel["muting"] is True and rel["muting_notifications"] is True
    listed = {a["acct"]: a for a in api(vmst, "GET", "/api/v1/mutes", m).json()}
    assert set(listed) == {"loud", "brief"}
    assert listed["loud"]["mute_expires_at"] is None
    expires = listed["brief"]["mute_expires_at"]
    assert expires.endswith("Z") and "." in expires
    assert api(vmst, "POST", f"/api/v1/accounts/{loud}/mute", m, form={"duration": "soon"}).status == 400
    assert api(vmst, "POST", f"/api/v1/accounts/{loud}/mute", m, form={"duration": "-5"}).status == 422
    # An expired mute no longer counts.
    sql(vmst, "UPDATE mutes SET expires_at = ? WHERE target_account_id = ?", int(time.time() * 1000) - 1, int(brief))
    assert [a["acct"] for a in api(vmst, "GET", "/api/v1/mutes", m).json()] == ["loud"]
    assert api(vmst, "GET", "/api/v1/accounts/relationships", m, query={"id[]": brief}).json()[0]["muting"] is False
    assert api(vmst, "POST", f"/api/v1/accounts/{loud}/unmute", m).json()["muting"] is False


def test_notes_and_endorsements(vmst):
    me = make_user(vmst, "noter").token
    make_user(vmst, "friend").token
    friend = account_id(vmst, "friend")
    rel = api(vmst, "POST", f"/api/v1/accounts/{friend}/note", me, form={"comment": "met at the café"}).json()
    assert rel["note"] == "met at the café"
    assert api(vmst, "POST", f"/api/v1/accounts/{friend}/note", me, form={"comment": ""}).json()["note"] == ""
    assert api(vmst, "POST", f"/api/v1/accounts/{friend}/note", me, form={"comment": "x" * 2001}).status == 422
    refused = api(vmst, "POST", f"/api/v1/accounts/{friend}/pin", me)
    assert refused.status == 422 and refused.json()["error"].startswith("Validation failed")
    api(vmst, "POST", f"/api/v1/accounts/{friend}/follow", me)
    assert api(vmst, "POST", f"/api/v1/accounts/{friend}/pin", me).json()["endorsed"] is True
    assert api(vmst, "POST", f"/api/v1/accounts/{friend}/unpin", me).json()["endorsed"] is False


def test_domain_blocks_add_list_and_remove(vmst):
    me = make_user(vmst, "picky").token
    for domain in ("spam.example", "Bad.Example", "bad.example"):
        r = api(vmst, "POST", "/api/v1/domain_blocks", me, form={"domain": domain})
        assert r.status == 200 and r.json() == {}
    listed = api(vmst, "GET", "/api/v1/domain_blocks", me)
    assert listed.json() == ["bad.example", "spam.example"]
    page = api(vmst, "GET", "/api/v1/domain_blocks", me, query={"limit": 1})
    assert page.json() == ["bad.example"]
    assert api(vmst, "GET", next_link(page), me).json() == ["spam.example"]
    assert api(vmst, "POST", "/api/v1/domain_blocks", me, form={"domain": ""}).status == 422
    assert api(vmst, "POST", "/api/v1/domain_blocks", me, form={"domain": vmst.domain}).status == 422
    assert api(vmst, "DELETE", "/api/v1/domain_blocks", me, query={"domain": "spam.example"}).json() == {}
    assert api(vmst, "GET", "/api/v1/domain_blocks", me).json() == ["bad.example"]
    assert api(vmst, "GET", "/api/v1/domain_blocks").status == 401
