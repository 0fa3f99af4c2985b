"""vmst report list|show|resolve [--forward] against a running server: reports filed through POST /api/v1/reports
and Flags sent by a Fedify peer show up for the moderators; resolving takes them out of the open list, and
--forward sends a Flag to the reported remote account's server once. Bad input changes nothing."""
import json
import time

import pytest

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until

AS = "https://www.w3.org/ns/activitystreams"


def reports(vmst, *args):
    return json.loads(vmst.cli("report", "list", "--json", *args).stdout)


def test_a_users_report_is_listed_shown_and_resolved(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    spam = api(vmst, "POST", "/api/v1/statuses", bob.token, json_body={"status": "buy now"}).json()
    rule = sql(vmst, "INSERT INTO instance_rules (id, position, text, created_at, updated_at)"
                     " VALUES (7, 1, 'No spam', 0, 0) RETURNING id")[0][0]
    filed = api(vmst, "POST", "/api/v1/reports", alice.token,
                form=[("account_id", bob.id), ("status_ids[]", spam["id"]), ("comment", "selling things"),
                      ("category", "violation"), ("rule_ids[]", str(rule))]).json()

    [listed] = reports(vmst)
    assert (listed["id"], listed["reporter"], listed["target"], listed["category"], listed["comment"]) == \
        (filed["id"], "alice", "bob", "violation", "selling things")
    shown = json.loads(vmst.cli("report", "show", filed["id"], "--json").stdout)
    assert [s["id"] for s in shown["statuses"]] == [spam["id"]]
    assert "buy now" in shown["statuses"][0]["text"]
    assert shown["rules"] == [{"id": str(rule), "text": "No spam"}]
    assert (shown["forwarded"], shown["action_taken"]) == (False, False)
    text = vmst.cli("report", "show", filed["id"]).stdout
    assert "selling things" in text and "No spam" in text and "buy now" in text
    assert filed["id"] in vmst.cli("report", "list").stdout

    # Forwarding a report about a local account is refused, and the report stays open.
    assert "local account" in vmst.cli_error("report", "resolve", filed["id"], "--forward")
    assert len(reports(vmst)) == 1

    assert f"Resolved report {filed['id']}" in vmst.cli("report", "resolve", filed["id"]).stdout
    assert reports(vmst) == []
    [resolved] = reports(vmst, "--all")
    assert resolved["action_taken"] is True and resolved["action_taken_at"]
    assert "already resolved" in vmst.cli_error("report", "resolve", filed["id"])
    assert sql(vmst, "SELECT action, target_id FROM admin_action_logs WHERE action = 'resolve_report'") == \
        [("resolve_report", filed["id"])]


def test_unknown_reports_are_named(vmst):
    assert vmst.cli_error("report", "show", "999") == "vmst: no report with id 999"
    assert vmst.cli_error("report", "resolve", "999") == "vmst: no report with id 999"
    assert vmst.cli_error("report", "resolve", "999", "--forward") == "vmst: no report with id 999"
    assert vmst.cli("report", "show", "abc", check=False).returncode != 0
    assert sql(vmst, "SELECT count(*) FROM admin_action_logs") == [(0,)]


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.7", name="fedify") as peer:
        start_with_peer(vmst, peer)
        alice = make_user(vmst, "alice")
        peer.create_actor("fran")
        peer.create_actor("mod")
        result = peer.follow("fran", f"{vmst.base_url}/users/alice", wait=15)
        assert result["state"] == "accepted", result
        yield vmst, peer, alice


def test_resolving_with_forward_sends_a_flag_to_the_remote_server_once(network):
    vmst, peer, alice = network
    fran = sql(vmst, "SELECT id FROM accounts WHERE uri = ?", peer.actor_url("fran"))[0][0]
    filed = api(vmst, "POST", "/api/v1/reports", alice.token,
                json_body={"account_id": str(fran), "comment": "please look"}).json()
    assert filed["forwarded"] is False
    out = vmst.cli("report", "resolve", filed["id"], "--forward").stdout
    assert "Forwarded" in out
    flag = peer.wait_for("Flag", timeout=20)[0]
    assert flag["http_signature"]["verified"] is True
    assert flag["json"]["actor"] == f"{vmst.base_url}/actor"
    assert flag["json"]["content"] == "please look"
    assert "alice" not in json.dumps(flag["json"])
    shown = json.loads(vmst.cli("report", "show", filed["id"], "--json").stdout)
    assert (shown["forwarded"], shown["action_taken"]) == (True, True)


def test_a_flag_from_the_peer_becomes_an_open_report(network):
    vmst, peer, alice = network
    post = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "reported post"}).json()
    fran = peer.actor_url("fran")
    activity = {"@context": AS, "id": f"{fran}/flags/1", "type": "Flag", "actor": fran,
                "object": [f"{vmst.base_url}/users/alice", post["uri"]], "content": "rude to our users"}
    r = peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="fran")
    assert r["status"] in (200, 202), r
    found = wait_until(lambda: [x for x in reports(vmst) if x["comment"] == "rude to our users"], timeout=15)
    assert found, vmst.log()[-3000:]
    report = found[0]
    assert report["target"] == "alice"
    assert report["reporter"] == f"fran@{peer.host}:{peer.port}"
    assert [s["id"] for s in report["statuses"]] == [post["id"]]
    assert report["uri"] == f"{fran}/flags/1"
    # The same Flag again is not a second report.
    peer.send_raw(f"{vmst.base_url}/inbox", activity, actor="fran")
    time.sleep(1)
    assert len([x for x in reports(vmst) if x["comment"] == "rude to our users"]) == 1
