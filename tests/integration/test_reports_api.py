"""POST /api/v1/reports over HTTP: the Report entity, what is stored for the moderators, and bad input refused with
Mastodon's errors and nothing stored. Forwarding to a remote server is in test_federated_statuses.py."""
from api_client import api, make_user, sql

REPORT_KEYS = {"id", "action_taken", "action_taken_at", "category", "comment", "forwarded", "created_at",
               "status_ids", "rule_ids", "target_account"}


def test_a_report_names_the_account_its_statuses_and_the_rules_broken(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    spam = api(vmst, "POST", "/api/v1/statuses", bob.token, json_body={"status": "buy now"}).json()
    rule = sql(vmst, "INSERT INTO instance_rules (id, position, text, created_at, updated_at)"
                     " VALUES (7, 1, 'No spam', 0, 0) RETURNING id")[0][0]
    r = api(vmst, "POST", "/api/v1/reports", alice.token,
            form=[("account_id", bob.id), ("status_ids[]", spam["id"]), ("comment", "selling things"),
                  ("category", "violation"), ("rule_ids[]", str(rule))])
    assert r.status == 200, r.body
    report = r.json()
    assert set(report) == REPORT_KEYS
    assert report["target_account"]["acct"] == "bob"
    assert (report["category"], report["comment"], report["status_ids"], report["rule_ids"]) == \
        ("violation", "selling things", [spam["id"]], [str(rule)])
    assert report["action_taken"] is False and report["forwarded"] is False
    stored = sql(vmst, "SELECT account_id, target_account_id, category FROM reports WHERE id = ?", int(report["id"]))
    assert stored == [(int(alice.id), int(bob.id), "violation")]
    assert sql(vmst, "SELECT status_id FROM report_statuses WHERE report_id = ?", int(report["id"])) == \
        [(int(spam["id"]),)]

    plain = api(vmst, "POST", "/api/v1/reports", alice.token, json_body={"account_id": bob.id}).json()
    assert (plain["category"], plain["status_ids"], plain["rule_ids"]) == ("other", [], None)


def test_bad_reports_are_refused_and_nothing_is_stored(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    carol = make_user(vmst, "carol")
    not_bobs = api(vmst, "POST", "/api/v1/statuses", carol.token, json_body={"status": "mine"}).json()
    cases = [
        ({"account_id": "999"}, 404, "Record not found"),
        ({}, 404, "Record not found"),
        ({"account_id": bob.id, "status_ids": [not_bobs["id"]]}, 404, "Record not found"),
        ({"account_id": bob.id, "category": "rude"}, 422, "Validation failed: Category is not included in the list"),
        ({"account_id": bob.id, "comment": "x" * 1001}, 422,
         "Validation failed: Comment is too long (maximum is 1,000 characters)"),
        ({"account_id": bob.id, "category": "violation", "rule_ids": ["12345"]}, 422,
         "Validation failed: Rule ids are invalid"),
    ]
    for body, status, error in cases:
        r = api(vmst, "POST", "/api/v1/reports", alice.token, json_body=body)
        assert (r.status, r.json()) == (status, {"error": error}), body
    r = api(vmst, "POST", "/api/v1/reports", json_body={"account_id": bob.id})
    assert r.status == 401
    read_only = make_user(vmst, "reader", scopes="read").token
    assert api(vmst, "POST", "/api/v1/reports", read_only, json_body={"account_id": bob.id}).status == 403
    assert sql(vmst, "SELECT count(*) FROM reports") == [(0,)]
