"""GET /api/v1/statuses/:id/history: every version carries the poll it had (options as {title}), null without one."""
from api_client import api, make_user, post_status


def test_history_entries_carry_the_poll_of_each_version(vmst):
    alice = make_user(vmst, "alice")
    status = post_status(vmst, alice.token, "pick one", poll={"options": ["tea", "coffee"], "expires_in": 600}).json()
    [only] = api(vmst, "GET", f"/api/v1/statuses/{status['id']}/history", alice.token).json()
    assert only["poll"] == {"options": [{"title": "tea"}, {"title": "coffee"}]}

    r = api(vmst, "PUT", f"/api/v1/statuses/{status['id']}", alice.token,
            json_body={"status": "pick one, again", "poll": {"options": ["tea", "water"], "expires_in": 600}})
    assert r.status == 200, r.body
    r = api(vmst, "PUT", f"/api/v1/statuses/{status['id']}", alice.token, json_body={"status": "no poll now"})
    assert r.status == 200, r.body
    history = api(vmst, "GET", f"/api/v1/statuses/{status['id']}/history", alice.token).json()
    assert [v["poll"] for v in history] == [
        {"options": [{"title": "tea"}, {"title": "coffee"}]},
        {"options": [{"title": "tea"}, {"title": "water"}]},
        None,
    ]

    plain = post_status(vmst, alice.token, "no poll").json()
    assert api(vmst, "GET", f"/api/v1/statuses/{plain['id']}/history", alice.token).json()[0]["poll"] is None
