"""Notifications and markers over HTTP: listing with type filters and Link paging, one by id, dismiss, clear,
unread count against the notifications marker, and the errors clients get."""
import time

import pytest

from api_client import account_id, api, make_user, new_id, post_status, sql, walk_pages
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        tokens = {name: make_user(vmst, name).token for name in ("alice", "bob", "carol")}
        yield vmst, tokens


def notify(vmst, recipient, sender, kind="follow"):
    """A notification as following writes it (the follow endpoint belongs to another area)."""
    nid = new_id()
    sql(vmst, "INSERT INTO notifications (id, account_id, from_account_id, type, created_at) VALUES (?, ?, ?, ?, ?)",
        nid, int(account_id(vmst, recipient)), int(account_id(vmst, sender)), kind, int(time.time() * 1000))
    time.sleep(0.002)  # ids of later notifications sort after
    return str(nid)


def test_notifications_need_a_user_token(server):
    vmst, _ = server
    for method, path in (("GET", "/api/v1/notifications"), ("POST", "/api/v1/notifications/clear"),
                         ("GET", "/api/v1/notifications/unread_count"), ("GET", "/api/v1/markers")):
        r = api(vmst, method, path)
        assert r.status == 401, path
        assert r.json() == {"error": "The access token is invalid"}


def test_a_read_only_token_cannot_dismiss(server):
    vmst, _ = server
    token = make_user(vmst, "reader", scopes="read").token
    r = api(vmst, "POST", "/api/v1/notifications/clear", token)
    assert r.status == 403
    assert "error" in r.json()


def test_a_follow_notification_has_every_key_and_no_status(server):
    vmst, tokens = server
    nid = notify(vmst, "alice", "bob")
    r = api(vmst, "GET", f"/api/v1/notifications/{nid}", tokens["alice"])
    assert r.status == 200
    n = r.json()
    assert n["id"] == nid
    assert n["type"] == "follow"
    assert n["account"]["acct"] == "bob"
    assert n["group_key"] == f"ungrouped-{nid}"
    assert n["filtered"] is False
    assert n["created_at"].endswith("Z") and "." in n["created_at"]
    assert "status" not in n


def test_someone_elses_or_a_malformed_notification_is_not_found(server):
    vmst, tokens = server
    nid = notify(vmst, "alice", "carol")
    for path in (f"/api/v1/notifications/{nid}", "/api/v1/notifications/12abc"):
        r = api(vmst, "GET", path, tokens["bob"])
        assert (r.status, r.json()) == (404, {"error": "Record not found"})
    r = api(vmst, "POST", f"/api/v1/notifications/{nid}/dismiss", tokens["bob"])
    assert r.status == 404


def test_types_and_exclude_types_filter_the_list(server):
    vmst, tokens = server
    follow_id = notify(vmst, "carol", "bob", "follow")
    request_id = notify(vmst, "carol", "alice", "follow_request")
    notify(vmst, "carol", "alice", "admin.sign_up")  # not a type clients know: never listed
    carol = tokens["carol"]
    ids = lambda q: [n["id"] for n in api(vmst, "GET", f"/api/v1/notifications{q}", carol).json()]
    assert ids("") == [request_id, follow_id]
    assert ids("?types[]=follow") == [follow_id]
    assert ids("?exclude_types[]=follow") == [request_id]
    assert ids(f"?account_id={account_id(vmst, 'alice')}") == [request_id]
    assert ids("?account_id=nonsense") == []


def test_link_pages_with_limit_1_reach_the_end_without_looping(server):
    vmst, _ = server
    token = make_user(vmst, "pager").token
    made = [notify(vmst, "pager", "bob") for _ in range(3)]
    pages = walk_pages(vmst, "/api/v1/notifications?limit=1&types[]=follow", token)
    seen = [n["id"] for page in pages for n in page]
    assert seen == list(reversed(made))
    r = api(vmst, "GET", "/api/v1/notifications?limit=1&types[]=follow", token)
    assert "types[]=follow" in r.headers["link"].split(",")[0] or "types%5B%5D=follow" in r.headers["link"]


def test_unread_count_follows_the_notifications_marker(server):
    vmst, _ = server
    token = make_user(vmst, "counter").token
    first = notify(vmst, "counter", "bob")
    notify(vmst, "counter", "carol")
    count = lambda: api(vmst, "GET", "/api/v1/notifications/unread_count", token).json()
    assert count() == {"count": 2}
    r = api(vmst, "POST", "/api/v1/markers", token, form={"notifications[last_read_id]": first})
    assert r.status == 200
    assert count() == {"count": 1}


def test_dismiss_and_clear_answer_empty_objects(server):
    vmst, _ = server
    token = make_user(vmst, "cleaner").token
    one = notify(vmst, "cleaner", "bob")
    notify(vmst, "cleaner", "carol")
    r = api(vmst, "POST", f"/api/v1/notifications/{one}/dismiss", token)
    assert (r.status, r.json()) == (200, {})
    assert len(api(vmst, "GET", "/api/v1/notifications", token).json()) == 1
    r = api(vmst, "POST", "/api/v1/notifications/clear", token)
    assert (r.status, r.json()) == (200, {})
    assert api(vmst, "GET", "/api/v1/notifications", token).json() == []


def test_markers_include_every_requested_timeline_with_defaults(server):
    vmst, _ = server
    token = make_user(vmst, "marker").token
    r = api(vmst, "GET", "/api/v1/markers?timeline[]=home&timeline[]=notifications", token)
    assert r.status == 200
    body = r.json()
    assert set(body) == {"home", "notifications"}
    assert body["notifications"]["last_read_id"] == "0"
    assert body["notifications"]["version"] == 0
    assert body["notifications"]["updated_at"].endswith("Z")
    assert api(vmst, "GET", "/api/v1/markers", token).json() == {}


def test_markers_save_from_json_and_form_and_count_versions(server):
    vmst, _ = server
    token = make_user(vmst, "saver").token
    r = api(vmst, "POST", "/api/v1/markers", token, json_body={"home": {"last_read_id": "123"}})
    assert r.status == 200
    assert r.json()["home"]["last_read_id"] == "123"
    assert r.json()["home"]["version"] == 1
    r = api(vmst, "POST", "/api/v1/markers", token, form={"home[last_read_id]": "456"})
    assert r.json()["home"] == {**r.json()["home"], "last_read_id": "456", "version": 2}
    got = api(vmst, "GET", "/api/v1/markers?timeline[]=home", token).json()
    assert got["home"]["last_read_id"] == "456"


def test_a_marker_with_a_bad_position_is_unprocessable(server):
    vmst, _ = server
    token = make_user(vmst, "badmarker").token
    r = api(vmst, "POST", "/api/v1/markers", token, json_body={"home": {"last_read_id": "abc"}})
    assert r.status == 422
    assert "error" in r.json()
    r = api(vmst, "POST", "/api/v1/markers", token, json_body={"home": {}})
    assert r.status == 422


def test_a_mention_notification_carries_its_status(server):
    vmst, tokens = server
    r = post_status(vmst, tokens["bob"], "@alice hello there")
    assert r.status == 200, r.body
    status = r.json()
    notes = api(vmst, "GET", "/api/v1/notifications?types[]=mention", tokens["alice"]).json()
    mention = next(n for n in notes if n["status"]["id"] == status["id"])
    assert mention["account"]["acct"] == "bob"
    assert mention["status"]["filtered"] == []
