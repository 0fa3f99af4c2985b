"""Polls over real HTTP: posting them with a status (form and JSON), Mastodon's validation messages, the Poll entity
in every rendering, GET /api/v1/polls/:id and voting, edits that replace a poll, and what happens when a poll ends."""
import time

from api_client import api, make_user, sql, tiny_png

POLL_KEYS = {"id", "expires_at", "expired", "multiple", "votes_count", "voters_count", "options", "emojis", "voted",
             "own_votes"}


def post(vmst, user, **body):
    r = api(vmst, "POST", "/api/v1/statuses", user.token, json_body=body)
    assert r.status == 200, r.body
    return r.json()


def poll_status(vmst, user, options=("tea", "coffee"), expires_in=3600, multiple=False, hide_totals=False, **extra):
    return post(vmst, user, status="which one?",
                poll={"options": list(options), "expires_in": expires_in, "multiple": multiple,
                      "hide_totals": hide_totals}, **extra)


def vote(vmst, user, poll_id, choices, form=False):
    if form:
        return api(vmst, "POST", f"/api/v1/polls/{poll_id}/votes", user.token,
                   form=[("choices[]", str(c)) for c in choices])
    return api(vmst, "POST", f"/api/v1/polls/{poll_id}/votes", user.token, json_body={"choices": choices})


def test_a_status_posted_with_a_json_poll_renders_the_poll_entity_everywhere(vmst):
    alice = make_user(vmst, "alice")
    s = poll_status(vmst, alice, options=["tea", "coffee", "water"])
    poll = s["poll"]
    assert POLL_KEYS <= set(poll), POLL_KEYS - set(poll)
    assert poll["id"].isdigit() and poll["expired"] is False and poll["multiple"] is False
    assert poll["votes_count"] == 0 and poll["voters_count"] == 0
    assert poll["options"] == [{"title": "tea", "votes_count": 0}, {"title": "coffee", "votes_count": 0},
                               {"title": "water", "votes_count": 0}]
    assert poll["emojis"] == []
    # The author counts as having voted, as on Mastodon, so clients show results rather than a form.
    assert poll["voted"] is True and poll["own_votes"] == []
    assert api(vmst, "GET", f"/api/v1/statuses/{s['id']}", alice.token).json() == s
    home = api(vmst, "GET", "/api/v1/timelines/home", alice.token).json()
    assert [x["poll"] for x in home if x["id"] == s["id"]] == [poll]
    anonymous = api(vmst, "GET", f"/api/v1/polls/{poll['id']}").json()
    assert "voted" not in anonymous and "own_votes" not in anonymous
    assert anonymous["options"] == poll["options"]


def test_a_form_encoded_poll_with_multiple_and_hide_totals(vmst):
    alice = make_user(vmst, "alice")
    r = api(vmst, "POST", "/api/v1/statuses", alice.token,
            form=[("status", "pick some"), ("poll[options][]", "a"), ("poll[options][]", "b"),
                  ("poll[expires_in]", "300"), ("poll[multiple]", "true"), ("poll[hide_totals]", "1")])
    assert r.status == 200, r.body
    poll = r.json()["poll"]
    assert poll["multiple"] is True
    assert [o["votes_count"] for o in poll["options"]] == [None, None]  # hidden while it runs
    assert poll["voters_count"] == 0


def test_poll_validation_answers_422_with_mastodons_messages(vmst):
    alice = make_user(vmst, "alice")
    cases = [
        ({"options": ["only"], "expires_in": 300}, "Validation failed: Poll options must have more than one item"),
        ({"options": ["a", "b", "c", "d", "e"], "expires_in": 300},
         "Validation failed: Poll options can't contain more than 4 items"),
        ({"options": ["a", "x" * 51], "expires_in": 300},
         "Validation failed: Poll options cannot be longer than 50 characters each"),
        ({"options": ["a", "b"], "expires_in": 299}, "Validation failed: Poll expires at is too soon"),
        ({"options": ["a", "b"], "expires_in": 2629747},
         "Validation failed: Poll expires at is too far into the future"),
    ]
    for poll, message in cases:
        r = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "q", "poll": poll})
        assert r.status == 422, (poll, r.body)
        assert r.json()["error"] == message
    media = api(vmst, "POST", "/api/v1/media", alice.token, files={"file": ("a.png", tiny_png(), "image/png")}).json()
    r = api(vmst, "POST", "/api/v1/statuses", alice.token,
            json_body={"status": "q", "media_ids": [media["id"]], "poll": {"options": ["a", "b"], "expires_in": 300}})
    assert r.status == 422 and r.json()["error"] == "Cannot attach more than 4 files"
    assert sql(vmst, "SELECT count(*) FROM polls")[0][0] == 0


def test_voting_counts_and_answers_the_poll_with_own_votes(vmst):
    alice, bob, carol = make_user(vmst, "alice"), make_user(vmst, "bob"), make_user(vmst, "carol")
    poll = poll_status(vmst, alice)["poll"]
    r = vote(vmst, bob, poll["id"], [1])
    assert r.status == 200, r.body
    after = r.json()
    assert after["voted"] is True and after["own_votes"] == [1]
    assert after["votes_count"] == 1 and after["voters_count"] == 1
    assert [o["votes_count"] for o in after["options"]] == [0, 1]
    # Strings work as well as numbers (forms).
    r = vote(vmst, carol, poll["id"], ["0"], form=True)
    assert r.status == 200, r.body
    assert [o["votes_count"] for o in r.json()["options"]] == [1, 1]
    assert r.json()["voters_count"] == 2
    seen_by_alice = api(vmst, "GET", f"/api/v1/polls/{poll['id']}", alice.token).json()
    assert seen_by_alice["votes_count"] == 2 and seen_by_alice["own_votes"] == []


def test_multiple_choice_polls_take_several_choices_once(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    poll = poll_status(vmst, alice, options=["a", "b", "c"], multiple=True)["poll"]
    r = vote(vmst, bob, poll["id"], [0, 2])
    assert r.status == 200, r.body
    p = r.json()
    assert p["own_votes"] == [0, 2] and p["votes_count"] == 2 and p["voters_count"] == 1
    r = vote(vmst, bob, poll["id"], [2])
    assert r.status == 422 and r.json()["error"] == "Validation failed: You have already voted on this poll"


def test_voting_errors_are_422_with_mastodons_messages(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    poll = poll_status(vmst, alice)["poll"]
    expect = [
        (bob, [5], "Validation failed: The chosen vote option does not exist"),
        (bob, [0, 1], "Validation failed: You have already voted on this poll"),  # several on a single-choice poll
        (alice, [0], "Validation failed: You cannot vote in your own polls"),
    ]
    for user, choices, message in expect:
        r = vote(vmst, user, poll["id"], choices)
        assert r.status == 422, r.body
        assert r.json()["error"] == message
    assert vote(vmst, bob, poll["id"], [0]).status == 200
    r = vote(vmst, bob, poll["id"], [1])
    assert r.status == 422 and r.json()["error"] == "Validation failed: You have already voted on this poll"
    sql(vmst, "UPDATE polls SET expires_at = 1000 WHERE id = ?", int(poll["id"]))
    carol = make_user(vmst, "carol")
    r = vote(vmst, carol, poll["id"], [0])
    assert r.status == 422 and r.json()["error"] == "Validation failed: The poll has already ended"
    assert api(vmst, "GET", "/api/v1/polls/999999", bob.token).status == 404


def test_a_poll_is_as_visible_as_its_status(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    s = poll_status(vmst, alice, visibility="private")
    assert api(vmst, "GET", f"/api/v1/polls/{s['poll']['id']}", bob.token).status == 404
    assert api(vmst, "GET", f"/api/v1/polls/{s['poll']['id']}").status == 404
    assert vote(vmst, bob, s["poll"]["id"], [0]).status == 404
    assert api(vmst, "GET", f"/api/v1/polls/{s['poll']['id']}", alice.token).status == 200


def test_editing_the_options_replaces_the_poll_and_resets_votes(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    s = poll_status(vmst, alice)
    assert vote(vmst, bob, s["poll"]["id"], [0]).status == 200
    # Same options: the votes stay.
    r = api(vmst, "PUT", f"/api/v1/statuses/{s['id']}", alice.token,
            json_body={"status": "which one? (edited)", "poll": {"options": ["tea", "coffee"], "expires_in": 7200}})
    assert r.status == 200, r.body
    assert r.json()["poll"]["id"] == s["poll"]["id"] and r.json()["poll"]["votes_count"] == 1
    r = api(vmst, "PUT", f"/api/v1/statuses/{s['id']}", alice.token,
            json_body={"status": "which one?", "poll": {"options": ["tea", "juice"], "expires_in": 3600}})
    assert r.status == 200, r.body
    poll = r.json()["poll"]
    assert [o["title"] for o in poll["options"]] == ["tea", "juice"]
    assert poll["votes_count"] == 0 and poll["id"] != s["poll"]["id"]
    bob_view = api(vmst, "GET", f"/api/v1/statuses/{s['id']}", bob.token).json()["poll"]
    assert bob_view["voted"] is False and bob_view["own_votes"] == []
    # Without a poll the edit removes it (Mastodon's UpdateStatusService).
    r = api(vmst, "PUT", f"/api/v1/statuses/{s['id']}", alice.token, json_body={"status": "no poll now"})
    assert r.status == 200 and r.json()["poll"] is None


def test_delete_and_redraft_answers_the_poll(vmst):
    alice = make_user(vmst, "alice")
    s = poll_status(vmst, alice)
    r = api(vmst, "DELETE", f"/api/v1/statuses/{s['id']}", alice.token)
    assert r.status == 200 and r.json()["poll"]["options"] == s["poll"]["options"]


def test_when_a_poll_ends_its_voters_and_author_get_a_poll_notification(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    s = poll_status(vmst, alice)
    assert vote(vmst, bob, s["poll"]["id"], [1]).status == 200
    # Nobody waits five minutes in a test: the poll's end is moved into the past, as time would.
    sql(vmst, "UPDATE polls SET expires_at = ? WHERE id = ?", int(time.time() * 1000) - 1000, int(s["poll"]["id"]))

    def poll_notifications(user):
        r = api(vmst, "GET", "/api/v1/notifications", user.token, query={"types[]": "poll"})
        return [n for n in r.json() if n["type"] == "poll"]

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (poll_notifications(alice) and poll_notifications(bob)):
        time.sleep(0.2)
    for user in (alice, bob):
        notes = poll_notifications(user)
        assert len(notes) == 1, (user.username, notes)
        assert notes[0]["status"]["id"] == s["id"]
        assert notes[0]["account"]["username"] == "alice"
        assert notes[0]["status"]["poll"]["expired"] is True
    assert poll_notifications(alice)[0]["status"]["poll"]["options"][1]["votes_count"] == 1
    time.sleep(2.5)  # closed once: no second round
    assert len(poll_notifications(bob)) == 1


def test_the_status_document_is_a_question_with_the_current_counts(vmst):
    alice, bob = make_user(vmst, "alice"), make_user(vmst, "bob")
    s = poll_status(vmst, alice, options=["a", "b", "c"], multiple=True)
    assert vote(vmst, bob, s["poll"]["id"], [0, 2]).status == 200
    r = api(vmst, "GET", f"/users/alice/statuses/{s['id']}", headers={"Accept": "application/activity+json"})
    assert r.status == 200, r.body
    doc = r.json()
    assert doc["type"] == "Question" and "oneOf" not in doc
    assert [(o["name"], o["replies"]["totalItems"]) for o in doc["anyOf"]] == [("a", 1), ("b", 0), ("c", 1)]
    assert doc["votersCount"] == 1 and "closed" not in doc
