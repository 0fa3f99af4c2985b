"""The delivery engine end to end: the real binary delivering to a scripted loopback inbox (delivery_sink.py).

Activities are queued with `vmst delivery enqueue` next to the running server, which picks them up within
delivery.poll_interval_ms. The retry schedule is shortened so whole retry courses run in seconds.
"""
import base64
import hashlib
import json
import os
import signal
import sqlite3
import time

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from delivery_sink import DeliverySink
from harness import VmstInstance, wait_until

FAST_DELIVERY = {"delivery": {
    "workers": 8,
    "per_host_concurrency": 4,
    "poll_interval_ms": 100,
    "connect_timeout_seconds": 1,
    "read_timeout_seconds": 1,
    "max_attempts": 4,
    "retry_base_ms": 300,
    "retry_step_ms": 10,
    "retry_max_delay_ms": 5000,
    "breaker_threshold": 3,
    "breaker_cool_off_seconds": 2,
}}

ACTIVITY = {
    "@context": "https://www.w3.org/ns/activitystreams",
    "type": "Create",
    "actor": "",
    "object": {"type": "Note", "content": "hello"},
}


@pytest.fixture
def server():
    with VmstInstance(settings=FAST_DELIVERY) as instance:
        instance.start()
        instance.cli("account", "create", "alice", "--email", "alice@example.org")
        yield instance


@pytest.fixture
def patient_server():
    """Jobs that never die of their attempts: a breaker test must not lose a job to a probe made while it looks."""
    settings = {"delivery": dict(FAST_DELIVERY["delivery"], max_attempts=100)}
    with VmstInstance(settings=settings) as instance:
        instance.start()
        instance.cli("account", "create", "alice", "--email", "alice@example.org")
        yield instance


@pytest.fixture
def sink():
    with DeliverySink() as s:
        yield s


def enqueue(server, *inboxes):
    activity = dict(ACTIVITY, actor=f"{server.base_url}/users/alice")
    path = os.path.join(server.dir, "activity.json")
    with open(path, "w") as f:
        json.dump(activity, f)
    args = ["delivery", "enqueue", "--from", "alice", "--file", path]
    for inbox in inboxes:
        args += ["--inbox", inbox]
    return server.cli(*args)


def status(server):
    return json.loads(server.cli("delivery", "status", "--json").stdout)


def jobs(server):
    db = sqlite3.connect(f"file:{server.data_dir}/vmst.db?mode=ro", uri=True, timeout=10)
    try:
        rows = db.execute("SELECT inbox_url, state, attempts, last_status, last_error FROM delivery_jobs ORDER BY id")
        return [dict(zip(("inbox", "state", "attempts", "last_status", "last_error"), r)) for r in rows]
    finally:
        db.close()


def verify_signature(request, public_key_pem):
    params = dict(part.split("=", 1) for part in request.headers["signature"].split(","))
    params = {k: v.strip('"') for k, v in params.items()}
    lines = []
    for name in params["headers"].split():
        if name == "(request-target)":
            lines.append(f"(request-target): post {request.path}")
        else:
            lines.append(f"{name}: {request.headers[name]}")
    key = serialization.load_pem_public_key(public_key_pem.encode())
    key.verify(base64.b64decode(params["signature"]), "\n".join(lines).encode(), padding.PKCS1v15(), hashes.SHA256())
    return params


def test_an_enqueued_activity_is_posted_once_signed_by_its_sender(server, sink):
    out = enqueue(server, sink.url("/users/bob/inbox"), sink.url("/users/bob/inbox"), sink.url("/inbox"))
    assert "Queued 2 delivery job(s)" in out.stdout  # the duplicate inbox collapsed
    received = sink.wait_for(None, 2)
    time.sleep(0.5)
    assert len(sink.received()) == 2

    actor = server.request("GET", "/users/alice", headers={"Accept": "application/activity+json"}).json()
    for r in received:
        assert json.loads(r.body)["type"] == "Create"
        assert r.headers["content-type"] == "application/activity+json"
        assert r.headers["digest"] == "SHA-256=" + base64.b64encode(hashlib.sha256(r.body).digest()).decode()
        assert r.headers["user-agent"].startswith("vmst/")
        assert f"(+{server.base_url}/)" in r.headers["user-agent"]
        params = verify_signature(r, actor["publicKey"]["publicKeyPem"])
        assert params["keyId"] == actor["publicKey"]["id"]
        assert params["headers"] == "(request-target) host date digest"
    wait_until(lambda: status(server)["done"] == 2, what="jobs marked done")
    s = status(server)
    assert s["queued"] == 0 and s["in_flight"] == 0
    assert s["counters"]["delivered"] == 2


def test_a_500_is_retried_with_backoff_until_a_202(server, sink):
    sink.script("/inbox", [500, 503, 202])
    enqueue(server, sink.url("/inbox"))
    got = sink.wait_for("/inbox", 3)
    # Backoff: 300 ms + 10 ms·n⁴ (plus up to 10 % jitter) before each retry, plus up to one poll interval.
    assert got[1].at - got[0].at >= 0.3
    assert got[2].at - got[1].at >= 0.45
    wait_until(lambda: jobs(server)[0]["state"] == "done", what="done")
    job = jobs(server)[0]
    assert job["attempts"] == 3 and job["last_status"] == 202
    counters = status(server)["counters"]
    assert counters["retried"] == 2 and counters["status.5xx"] == 2 and counters["delivered"] == 1


def test_a_429_with_retry_after_waits_as_long_as_asked(server, sink):
    sink.script("/inbox", [{"status": 429, "headers": {"Retry-After": "2"}}, 202])
    enqueue(server, sink.url("/inbox"))
    got = sink.wait_for("/inbox", 2)
    assert got[1].at - got[0].at >= 1.9
    wait_until(lambda: jobs(server)[0]["state"] == "done", what="done")


def test_a_410_is_final_and_a_403_is_final(server, sink):
    sink.script("/gone", [410])
    sink.script("/forbidden", [403])
    enqueue(server, sink.url("/gone"), sink.url("/forbidden"))
    wait_until(lambda: all(j["state"] == "dead" for j in jobs(server)), what="both dead")
    time.sleep(1)  # longer than the first retry would wait
    assert len(sink.received("/gone")) == 1 and len(sink.received("/forbidden")) == 1
    assert {j["last_status"] for j in jobs(server)} == {410, 403}
    assert status(server)["counters"]["gone"] == 1


def test_a_slow_inbox_times_out_and_is_retried(server, sink):
    sink.script("/slow", [{"status": 202, "delay": 2.5}, 202])  # read_timeout_seconds = 1
    enqueue(server, sink.url("/slow"))
    sink.wait_for("/slow", 2, timeout=30)
    wait_until(lambda: jobs(server)[0]["state"] == "done", what="done")
    job = jobs(server)[0]
    assert job["attempts"] == 2
    assert status(server)["counters"]["status.network"] == 1


def test_a_job_that_keeps_failing_dies_after_max_attempts(server, sink):
    sink.script("/down", [502])
    enqueue(server, sink.url("/down"))
    wait_until(lambda: jobs(server)[0]["state"] == "dead", timeout=30, what="dead")
    job = jobs(server)[0]
    assert job["attempts"] == 4
    assert "gave up after 4 attempts" in job["last_error"]
    assert len(sink.received("/down")) == 4


def test_a_failing_host_trips_its_breaker_and_retry_and_purge_steer_it(patient_server):
    server = patient_server
    with DeliverySink() as failing, DeliverySink() as healthy:
        failing.script("*", [500])
        started = time.monotonic()
        for i in range(6):
            enqueue(server, failing.url(f"/u/{i}"), healthy.url(f"/u/{i}"))
        # The healthy host gets everything while the failing one is paused.
        healthy.wait_for(None, 6)
        wait_until(lambda: any(h["breaker_open"] for h in status(server)["failing_hosts"]), what="breaker open")
        s = status(server)
        host = next(h for h in s["failing_hosts"] if h["domain"] == failing.authority)
        assert host["consecutive_failures"] >= 3
        # A request still in flight (the last failures before the breaker opened, or a probe) is not queued yet.
        queued = lambda: next(h for h in status(server)["failing_hosts"] if h["domain"] == failing.authority)["queued"]
        wait_until(lambda: queued() == 6, what="all six jobs queued for the failing host")
        # At most per_host_concurrency (4) requests before the breaker opens, then none but one half-open probe per
        # 2 s cool-off (a slow run can see one or two of those before this line).
        probes = int((time.monotonic() - started) / 2)
        assert len(failing.received()) <= 4 + probes

        text = server.cli("delivery", "status").stdout
        assert "Failing hosts (1)" in text and failing.authority in text

        failing.script("/u/0", [202])
        for i in range(1, 6):
            failing.script(f"/u/{i}", [202])
        out = server.cli("delivery", "retry", failing.authority).stdout
        # On a slow run the breaker's 2 s cool-off can end first: its half-open probe then meets the fixed host and
        # clears the failures itself, and retry finds nothing to clear. Either way every job must now go through.
        assert ("Cleared" in out and "6 queued job(s) are due now" in out) or "No failures recorded" in out, out
        wait_until(lambda: all(j["state"] == "done" for j in jobs(server)), what="all done after retry")
        assert status(server)["failing_hosts"] == []



def test_purge_deletes_the_waiting_jobs_of_a_host(server):
    with DeliverySink() as down:
        down.script("*", [500])
        enqueue(server, *[down.url(f"/u/{i}") for i in range(5)])

        def paused():
            hosts = status(server)["failing_hosts"]
            return hosts and hosts[0]["breaker_open"] and hosts[0]["queued"] == 5

        wait_until(paused, what="breaker open with every job queued")
        out = server.cli("delivery", "purge", down.authority).stdout
        assert "Deleted 5 queued or dead job(s)" in out
        assert jobs(server) == []
        assert status(server)["counters"]["purged"] == 5


def test_enqueue_refuses_unknown_senders_and_bad_files(server, sink):
    bad = server.cli("delivery", "enqueue", "--from", "nobody", "--inbox", sink.url("/i"), "--file",
                     "/nonexistent.json", check=False)
    assert bad.returncode == 1
    path = os.path.join(server.dir, "a.json")
    with open(path, "w") as f:
        f.write("{}")
    unknown = server.cli("delivery", "enqueue", "--from", "nobody", "--inbox", sink.url("/i"), "--file", path,
                         check=False)
    assert unknown.returncode == 1 and 'no local account "nobody"' in unknown.stderr


def test_sigkill_in_the_middle_of_a_fan_out_loses_no_job(server):
    with DeliverySink() as a, DeliverySink() as b, DeliverySink() as c:
        sinks = [a, b, c]
        inboxes = []
        for i in range(100):
            for s in sinks:
                path = f"/users/{i}/inbox"
                s.script(path, [{"status": 202, "delay": 0.03}])
                inboxes.append(s.url(path))
        enqueue(server, *inboxes)
        wait_until(lambda: sum(len(s.received()) for s in sinks) >= 60, what="part of the fan-out delivered")
        code, _ = server.stop(signal.SIGKILL)
        assert code == -signal.SIGKILL
        delivered_before = sum(len(s.received()) for s in sinks)
        assert delivered_before < 300, "the fan-out finished before the kill; slow the sink down"
        in_flight_at_kill = {j["inbox"] for j in jobs(server) if j["state"] == "in_flight"}

        server.start()
        wait_until(lambda: all(j["state"] == "done" for j in jobs(server)), timeout=60, what="every job done")
        sent = [s.url(r.path) for s in sinks for r in s.received()]
        assert set(sent) == set(inboxes)  # every inbox got the activity
        duplicated = {url for url in sent if sent.count(url) > 1}
        # Sent twice only: jobs still in_flight in the database at the kill, i.e. requests in flight (at most the
        # 8 workers) or answered within the last flush interval (20 ms) and not yet written down.
        assert duplicated <= in_flight_at_kill
        assert len(sent) - len(inboxes) <= 16
        assert "re-queued" in server.log()


def test_a_fan_out_reaches_two_live_fedify_peers_which_verify_its_signature():
    import uuid
    from fedify_peer import FedifyPeer

    with VmstInstance(settings=FAST_DELIVERY) as server, FedifyPeer("127.0.0.2", name="B") as b, \
            FedifyPeer("127.0.0.3", name="C") as c:
        for peer in (b, c):
            peer.launch()
        server.start()
        server.cli("account", "create", "alice", "--email", "alice@example.org")
        for peer in (b, c):
            peer.wait_until_ready()
        b.create_actor("bob")
        c.create_actor("carol")
        alice = f"{server.base_url}/users/alice"
        activity_id = f"{server.base_url}/activities/{uuid.uuid4()}"
        note = {"id": f"{server.base_url}/statuses/{uuid.uuid4()}", "type": "Note", "attributedTo": alice,
                "content": "<p>to everyone</p>", "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "published": "2026-01-01T00:00:00Z"}
        activity = {"@context": "https://www.w3.org/ns/activitystreams", "id": activity_id, "type": "Create",
                    "actor": alice, "to": ["https://www.w3.org/ns/activitystreams#Public"], "object": note,
                    "published": "2026-01-01T00:00:00Z"}
        path = os.path.join(server.dir, "create.json")
        with open(path, "w") as f:
            json.dump(activity, f)
        server.cli("delivery", "enqueue", "--from", "alice", "--file", path,
                   "--inbox", b.shared_inbox, "--inbox", c.actor("carol")["inbox"])
        for peer in (b, c):
            got = peer.wait_for("Create", timeout=20, actor=alice)
            assert got[0]["id"] == activity_id
            assert got[0]["http_signature"]["verified"]
            assert got[0]["http_signature"]["key_id"] == f"{alice}#main-key"
        wait_until(lambda: all(j["state"] == "done" for j in jobs(server)), what="both jobs done")
