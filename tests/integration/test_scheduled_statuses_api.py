"""Scheduled statuses over HTTP: POST /api/v1/statuses with scheduled_at stores a ScheduledStatus (with its uploads
reserved) instead of posting, listed with a Link header, shown, moved and cancelled; a due one is posted by the
server within seconds through the normal posting path. Mastodon.py 1.8 drives the same through its client."""
import datetime
import subprocess
import time

import pytest

from api_client import api, links, make_user, sql, tiny_png
from harness import VmstInstance


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as vmst:
        vmst.start()
        yield vmst, make_user(vmst, "alice"), make_user(vmst, "bob")


def later(minutes=10):
    at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
    return at.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def upload(vmst, token):
    r = api(vmst, "POST", "/api/v1/media", token, files={"file": ("p.png", tiny_png(), "image/png")},
            form={"description": "alt"})
    assert r.status == 200, r.body
    return r.json()["id"]


def schedule(vmst, token, text, at=None, **fields):
    return api(vmst, "POST", "/api/v1/statuses", token, json_body={"status": text, "scheduled_at": at or later(),
                                                                    **fields})


def make_due(vmst, scheduled_id):
    sql(vmst, "UPDATE scheduled_statuses SET scheduled_at = ? WHERE id = ?", int(time.time() * 1000) - 1,
        int(scheduled_id))


def own_statuses(vmst, user):
    return api(vmst, "GET", f"/api/v1/accounts/{user.id}/statuses", user.token).json()


def test_a_time_less_than_five_minutes_ahead_is_refused_and_nothing_is_stored(server):
    vmst, alice, _ = server
    r = schedule(vmst, alice.token, "too soon", at=later(minutes=2))
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: Scheduled at The scheduled date must be in the future"}
    r = schedule(vmst, alice.token, "not a time", at="next tuesday")
    assert r.status == 422 and "error" in r.json()
    assert api(vmst, "GET", "/api/v1/scheduled_statuses", alice.token).json() == []


def test_a_time_already_past_posts_at_once_as_mastodon_does(server):
    vmst, alice, _ = server
    r = schedule(vmst, alice.token, "posted right away", at="2020-01-01T00:00:00.000Z")
    assert r.status == 200 and r.json()["content"] == "<p>posted right away</p>"


def test_scheduling_answers_a_scheduled_status_and_reserves_its_upload(server):
    vmst, alice, _ = server
    media_id = upload(vmst, alice.token)
    at = later(30)
    r = schedule(vmst, alice.token, "with a picture", at=at, media_ids=[media_id], visibility="unlisted",
                 spoiler_text="cw")
    assert r.status == 200, r.body
    scheduled = r.json()
    assert set(scheduled) == {"id", "scheduled_at", "params", "media_attachments"}
    assert scheduled["scheduled_at"] == at
    assert scheduled["params"]["text"] == "with a picture"
    assert scheduled["params"]["visibility"] == "unlisted" and scheduled["params"]["spoiler_text"] == "cw"
    assert scheduled["params"]["media_ids"] == [media_id] and scheduled["params"]["scheduled_at"] is None
    assert [m["id"] for m in scheduled["media_attachments"]] == [media_id]
    assert "with a picture" not in str(own_statuses(vmst, alice))
    # The upload is held for the scheduled status: another post cannot take it.
    r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "thief", "media_ids": [media_id]})
    assert r.status == 422
    shown = api(vmst, "GET", f"/api/v1/scheduled_statuses/{scheduled['id']}", alice.token).json()
    assert shown == scheduled


def test_listing_pages_with_a_link_header_and_others_cannot_see_them(server):
    vmst, alice, bob = server
    ids = [schedule(vmst, bob.token, f"bob's {i}").json()["id"] for i in range(3)]
    first = api(vmst, "GET", "/api/v1/scheduled_statuses?limit=2", bob.token)
    assert [s["id"] for s in first.json()] == ids[::-1][:2]
    assert list(links(first)) == ["next", "prev"]
    rest = api(vmst, "GET", links(first)["next"], bob.token).json()
    assert [s["id"] for s in rest] == [ids[0]]
    r = api(vmst, "GET", f"/api/v1/scheduled_statuses/{ids[0]}", alice.token)
    assert (r.status, r.json()) == (404, {"error": "Record not found"})
    assert api(vmst, "DELETE", f"/api/v1/scheduled_statuses/{ids[0]}", alice.token).status == 404


def test_moving_and_cancelling(server):
    vmst, alice, _ = server
    sid = schedule(vmst, alice.token, "to move").json()["id"]
    new_time = later(60)
    r = api(vmst, "PUT", f"/api/v1/scheduled_statuses/{sid}", alice.token, form={"scheduled_at": new_time})
    assert r.status == 200 and r.json()["scheduled_at"] == new_time
    r = api(vmst, "PUT", f"/api/v1/scheduled_statuses/{sid}", alice.token, form={"scheduled_at": later(1)})
    assert r.status == 422
    assert api(vmst, "GET", f"/api/v1/scheduled_statuses/{sid}", alice.token).json()["scheduled_at"] == new_time
    r = api(vmst, "DELETE", f"/api/v1/scheduled_statuses/{sid}", alice.token)
    assert (r.status, r.json()) == (200, {})
    assert api(vmst, "GET", f"/api/v1/scheduled_statuses/{sid}", alice.token).status == 404


def test_a_due_status_is_posted_by_the_server_with_its_upload(server):
    vmst, alice, _ = server
    media_id = upload(vmst, alice.token)
    scheduled = schedule(vmst, alice.token, "from the future #later", media_ids=[media_id],
                         poll=None, language="en").json()
    make_due(vmst, scheduled["id"])
    deadline = time.time() + 10
    posted = []
    while time.time() < deadline and not posted:
        posted = [s for s in own_statuses(vmst, alice) if "from the future" in s["content"]]
        time.sleep(0.2)
    assert posted, vmst.log()[-2000:]
    assert [m["id"] for m in posted[0]["media_attachments"]] == [media_id]
    assert posted[0]["tags"][0]["name"] == "later" and posted[0]["language"] == "en"
    assert api(vmst, "GET", f"/api/v1/scheduled_statuses/{scheduled['id']}", alice.token).status == 404


MASTODON_PY = r'''
import datetime, sys, time
from mastodon import Mastodon
base, token = sys.argv[1:3]
m = Mastodon(access_token=token, api_base_url=base)
at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=20)
s = m.status_post("scheduled from python", scheduled_at=at)
assert "params" in s and s.params.text == "scheduled from python", s
assert abs((s.scheduled_at - at).total_seconds()) < 1, (s.scheduled_at, at)
assert [x.id for x in m.scheduled_statuses()] == [s.id]
moved = m.scheduled_status_update(s.id, at + datetime.timedelta(hours=1))
assert moved.scheduled_at > s.scheduled_at
m.scheduled_status_delete(s.id)
assert m.scheduled_statuses() == []
print("done")
'''


def test_mastodon_py_schedules_lists_moves_and_cancels(server):
    vmst, _, _ = server
    carol = make_user(vmst, "carol")
    result = subprocess.run(["/usr/bin/python3", "-c", MASTODON_PY, vmst.base_url, carol.token],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("done")
