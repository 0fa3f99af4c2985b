"""Grouped notifications (Mastodon 4.3) over HTTP: /api/v2/notifications groups favourites and boosts of one status
and follows, leaves mentions ungrouped, pages by groups with a Link header, and answers one group, its accounts,
its dismissal and the unread counts; masto.js 8 reads them through its v2 client."""
import os
import sqlite3
import subprocess
import time

import pytest

from api_client import account_id, api, links, make_user, post_status, seed_status, sql
from harness import VmstInstance

HERE = os.path.dirname(__file__)


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        users = {name: make_user(vmst, name) for name in ("alice", "bob", "carol", "dave", "erin")}
        yield vmst, users


def grouped(vmst, token, query=""):
    r = api(vmst, "GET", f"/api/v2/notifications{query}", token)
    assert r.status == 200, r.body
    return r


def test_grouped_notifications_need_a_user_token_with_the_right_scope(server):
    vmst, users = server
    for method, path in (("GET", "/api/v2/notifications"), ("GET", "/api/v2/notifications/unread_count"),
                         ("POST", "/api/v2/notifications/favourite-1-1/dismiss")):
        r = api(vmst, method, path)
        assert (r.status, r.json()) == (401, {"error": "The access token is invalid"}), path
    reader = make_user(vmst, "reader", scopes="read").token
    assert api(vmst, "POST", "/api/v2/notifications/ungrouped-1/dismiss", reader).status == 403


def test_favourites_of_one_status_form_one_group_and_mentions_stay_apart(server):
    vmst, users = server
    alice, bob, carol, dave = (users[n] for n in ("alice", "bob", "carol", "dave"))
    status = post_status(vmst, alice.token, "a post to like").json()
    for fan in (bob, carol, dave):
        assert api(vmst, "POST", f"/api/v1/statuses/{status['id']}/favourite", fan.token).status == 200
    mention = post_status(vmst, bob.token, "hi @alice").json()
    post_status(vmst, carol.token, "hello again @alice")

    body = grouped(vmst, alice.token).json()
    assert set(body) == {"accounts", "statuses", "notification_groups"}
    groups = body["notification_groups"]
    assert [g["type"] for g in groups] == ["mention", "mention", "favourite"]
    fav = groups[2]
    assert fav["group_key"].startswith(f"favourite-{status['id']}-")
    assert fav["notifications_count"] == 3
    assert fav["sample_account_ids"] == [dave.id, carol.id, bob.id]  # newest first
    assert fav["status_id"] == status["id"]
    ids = [int(n) for n, in sql(vmst, "SELECT id FROM notifications WHERE account_id = ? AND type = 'favourite'"
                                " ORDER BY id", int(alice.id))]
    assert fav["most_recent_notification_id"] == str(ids[-1]) == fav["page_max_id"]
    # The page's span starts at its oldest head (this group's newest), as Mastodon's load_groups_data bounds it.
    assert fav["page_min_id"] == str(ids[-1])
    assert fav["latest_page_notification_at"].endswith("Z") and "." in fav["latest_page_notification_at"]
    mention_group = groups[1]
    assert mention_group["group_key"] == f"ungrouped-{mention_group['most_recent_notification_id']}"
    assert mention_group["notifications_count"] == 1 and mention_group["status_id"] == mention["id"]
    assert {a["id"] for a in body["accounts"]} == {bob.id, carol.id, dave.id}
    assert {s["id"] for s in body["statuses"]} >= {status["id"], mention["id"]}

    # v1 shows every notification with the same group key.
    v1 = api(vmst, "GET", "/api/v1/notifications?types[]=favourite", alice.token).json()
    assert {n["group_key"] for n in v1} == {fav["group_key"]} and len(v1) == 3


def test_grouped_types_decide_what_is_grouped_and_partial_avatars_split_the_accounts(server):
    vmst, users = server
    alice = users["alice"]
    body = grouped(vmst, alice.token, "?types[]=favourite&grouped_types[]=reblog").json()
    # Favourites are not asked to be grouped: each is a group of its own.
    assert [g["notifications_count"] for g in body["notification_groups"]] == [1, 1, 1]
    assert all(g["group_key"].startswith("ungrouped-") for g in body["notification_groups"])

    body = grouped(vmst, alice.token, "?types[]=favourite&expand_accounts=partial_avatars").json()
    assert [a["acct"] for a in body["accounts"]] == ["dave"]
    assert sorted(a["acct"] for a in body["partial_accounts"]) == ["bob", "carol"]
    assert set(body["partial_accounts"][0]) == {"id", "acct", "url", "avatar", "avatar_static", "locked", "bot"}


def test_follows_group_and_pages_walk_groups_with_a_link_header(server):
    vmst, users = server
    erin = users["erin"]
    for name in ("alice", "bob", "carol"):
        assert api(vmst, "POST", f"/api/v1/accounts/{erin.id}/follow", users[name].token).status == 200
    post_status(vmst, users["dave"].token, "@erin one")
    post_status(vmst, users["dave"].token, "@erin two")

    first = grouped(vmst, erin.token, "?limit=2")
    assert [g["type"] for g in first.json()["notification_groups"]] == ["mention", "mention"]
    assert list(links(first)) == ["next", "prev"]
    assert "limit=2" in links(first)["next"]
    second = api(vmst, "GET", links(first)["next"], erin.token).json()
    [follows] = second["notification_groups"]
    assert follows["type"] == "follow" and follows["group_key"].startswith("follow-")
    assert follows["notifications_count"] == 3 and "status_id" not in follows
    # min_id asks for what came after: nothing newer than the newest mention.
    newest = first.json()["notification_groups"][0]["most_recent_notification_id"]
    assert grouped(vmst, erin.token, f"?min_id={newest}").json()["notification_groups"] == []


def test_a_long_history_pages_into_full_pages_of_groups_with_link_headers_to_the_end(server):
    vmst, users = server
    frank = make_user(vmst, "frank")
    status = int(seed_status(vmst, "frank", "a popular post"))
    fans = [int(users[n].id) for n in ("alice", "bob", "carol", "dave", "erin")]
    # 40 runs of 100 follows (one group each) and one favourite (a group of its own key): 4,040 notifications.
    runs, per_run = 40, 100
    next_id = (int(time.time() * 1000) - 600_000) << 16
    rows, heads = [], []
    for run in range(runs):
        for i in range(per_run):
            rows.append((next_id, int(frank.id), fans[i % 5], "follow", None, f"follow-{1000 + run}"))
            next_id += 1
        rows.append((next_id, int(frank.id), fans[run % 5], "favourite", status, f"favourite-{status}-{1000 + run}"))
        heads.append((next_id - 1, next_id))  # the run's newest follow and its favourite
        next_id += 1
    with sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"), timeout=10) as db:
        db.executemany("INSERT INTO notifications (id, account_id, from_account_id, type, status_id, created_at,"
                       " group_key) VALUES (?, ?, ?, ?, ?, 1700000000000, ?)", rows)

    first = grouped(vmst, frank.token, "?limit=10")
    groups = first.json()["notification_groups"]
    expected = []
    for follow_head, favourite in reversed(heads[-5:]):
        expected += [str(favourite), str(follow_head)]
    assert [g["most_recent_notification_id"] for g in groups] == expected
    assert [g["notifications_count"] for g in groups[:2]] == [1, per_run]
    page_links = links(first)
    assert list(page_links) == ["next", "prev"]
    assert f"max_id={heads[-5][0]}" in page_links["next"] and "limit=10" in page_links["next"]
    assert f"min_id={heads[-1][1]}" in page_links["prev"]

    # Following `next` to the end: full pages, each below the last, every group met, no `next` on the last.
    keys, pages, response = set(), 0, first
    while True:
        pages += 1
        assert pages < 20, "paging did not end"
        body = response.json()["notification_groups"]
        keys.update(g["group_key"] for g in body)
        page_links = links(response)
        if "next" not in page_links:
            break
        assert len(body) == 10
        bound = int(page_links["next"].split("max_id=")[1].split("&")[0])
        response = api(vmst, "GET", page_links["next"], frank.token)
        assert response.status == 200
        assert all(int(g["page_max_id"]) < bound for g in response.json()["notification_groups"])
    assert len(keys) == 2 * runs
    assert len(body) < 10


def test_one_group_its_accounts_and_its_dismissal(server):
    vmst, users = server
    erin = users["erin"]
    groups = grouped(vmst, erin.token, "?types[]=follow").json()["notification_groups"]
    key = groups[0]["group_key"]
    one = api(vmst, "GET", f"/api/v2/notifications/{key}", erin.token).json()
    [group] = one["notification_groups"]
    assert group["group_key"] == key and group["notifications_count"] == 3
    assert "page_min_id" not in group  # only in paged listings
    accounts = api(vmst, "GET", f"/api/v2/notifications/{key}/accounts", erin.token).json()
    assert [a["acct"] for a in accounts] == ["carol", "bob", "alice"]
    # Someone else's group is not found.
    assert api(vmst, "GET", f"/api/v2/notifications/{key}", users["alice"].token).status == 404

    r = api(vmst, "POST", f"/api/v2/notifications/{key}/dismiss", erin.token)
    assert (r.status, r.json()) == (200, {})
    assert api(vmst, "GET", f"/api/v2/notifications/{key}", erin.token).json() == {"error": "Record not found"}
    assert api(vmst, "GET", "/api/v1/notifications?types[]=follow", erin.token).json() == []


def test_unread_counts_count_notifications_v1_and_groups_v2_after_the_marker(server):
    vmst, users = server
    alice = users["alice"]
    v1 = api(vmst, "GET", "/api/v1/notifications/unread_count", alice.token).json()["count"]
    v2 = api(vmst, "GET", "/api/v2/notifications/unread_count", alice.token).json()["count"]
    assert (v1, v2) == (5, 3)  # three favourites in one group, two mentions
    newest = grouped(vmst, alice.token).json()["notification_groups"][0]["most_recent_notification_id"]
    api(vmst, "POST", "/api/v1/markers", alice.token, json_body={"notifications": {"last_read_id": newest}})
    assert api(vmst, "GET", "/api/v2/notifications/unread_count", alice.token).json() == {"count": 0}


def test_masto_js_lists_grouped_notifications_with_its_v2_client(server):
    vmst, users = server
    env = dict(os.environ, VMST_URL=vmst.base_url, VMST_TOKEN=users["alice"].token)
    result = subprocess.run(["node", "grouped_notifications.mjs"], cwd=os.path.join(HERE, "masto_client"), env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"step":"done"' in result.stdout
