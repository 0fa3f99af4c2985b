"""vmst backup / restore / media while the server serves: a backup taken under a steady stream of posts restores
into a new data folder that passes PRAGMA integrity_check and holds every post acknowledged before the backup began;
restore refuses a live or occupied data folder; media prune lets go of old cached remote media only."""
import json
import os
import sqlite3
import threading
import time

import pytest

from api_client import api, make_user, tiny_png
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance

AS = "https://www.w3.org/ns/activitystreams"
DAY_MS = 86_400_000


def sql(vmst, statement, *args, data_dir=None):
    db = sqlite3.connect(os.path.join(data_dir or vmst.data_dir, "vmst.db"), timeout=10)
    try:
        with db:
            return db.execute(statement, args).fetchall()
    finally:
        db.close()


class Poster(threading.Thread):
    """Posts statuses one after another until stopped, remembering each acknowledged id with the time of its 200."""

    def __init__(self, vmst, user):
        super().__init__(daemon=True)
        self.vmst, self.user = vmst, user
        self.acknowledged = []  # (monotonic time of the answer, status id)
        self.stopping = threading.Event()
        self.errors = []

    def run(self):
        n = 0
        while not self.stopping.is_set():
            n += 1
            r = api(self.vmst, "POST", "/api/v1/statuses", self.user.token, json_body={"status": f"post {n}"})
            if r.status == 200:
                self.acknowledged.append((time.monotonic(), r.json()["id"]))
            else:
                self.errors.append(r)

    def stop(self):
        self.stopping.set()
        self.join(timeout=30)


@pytest.fixture
def vmst():
    with VmstInstance("127.0.0.1") as instance:
        instance.start()
        yield instance


def test_a_backup_taken_while_posting_restores_every_acknowledged_post_into_a_new_server(vmst, tmp_path):
    alice = make_user(vmst, "alice")
    media = api(vmst, "POST", "/api/v2/media", alice.token,
                files={"file": ("p.png", tiny_png(8, 8), "image/png")}).json()
    api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "with a picture",
                                                                   "media_ids": [media["id"]]})
    poster = Poster(vmst, alice)
    poster.start()
    try:
        deadline = time.monotonic() + 30
        while len(poster.acknowledged) < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        began = time.monotonic()
        backup_dir = tmp_path / "backup"
        result = vmst.cli("backup", str(backup_dir))
        posted_during = [sid for at, sid in poster.acknowledged if at > began]
    finally:
        poster.stop()
    assert not poster.errors, poster.errors[:3]
    acknowledged_before = [sid for at, sid in poster.acknowledged if at <= began]
    assert len(acknowledged_before) >= 30
    assert "Backed up to" in result.stdout
    manifest = json.loads((backup_dir / "manifest.json").read_text())
    assert manifest["schema_version"] >= 1 and manifest["media"]["files"] >= 1
    assert manifest["vmst_version"]

    with VmstInstance("127.0.0.1") as restored:
        restored.cli("restore", str(backup_dir))
        db = sqlite3.connect(os.path.join(restored.data_dir, "vmst.db"))
        try:
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = {str(row[0]) for row in db.execute("SELECT id FROM statuses")}
        finally:
            db.close()
        missing = [sid for sid in acknowledged_before if sid not in stored]
        assert not missing, f"{len(missing)} acknowledged posts are missing from the backup"
        print(f"{len(acknowledged_before)} before, {len(posted_during)} during the backup")

        restored.start()
        # The same token works: the restored server is the same community with its users and sessions.
        for sid in acknowledged_before[:: max(1, len(acknowledged_before) // 10)]:
            assert api(restored, "GET", f"/api/v1/statuses/{sid}", alice.token).status == 200
        picture = api(restored, "GET", f"/api/v1/media/{media['id']}", alice.token)
        path = media["url"][len(vmst.base_url):]
        assert restored.request("GET", path).status == 200, (picture.body, path)


def test_backup_refuses_a_folder_that_is_not_empty(vmst, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("keep me")
    assert vmst.cli_error("backup", str(tmp_path / "full")) == \
        f"vmst: {tmp_path / 'full'} is not empty: back up into a new or empty folder"
    assert sorted(os.listdir(tmp_path / "full")) == ["notes.txt"]


def test_restore_refuses_a_live_data_folder_and_an_occupied_one_without_force(vmst, tmp_path):
    make_user(vmst, "bob")
    vmst.cli("backup", str(tmp_path / "backup"))
    message = vmst.cli_error("restore", str(tmp_path / "backup"))
    assert message.startswith(f"vmst: a vmst server is running on {vmst.data_dir}")
    assert vmst.cli_error("restore", str(tmp_path / "backup"), "--force").startswith("vmst: a vmst server is running")

    vmst.stop()
    message = vmst.cli_error("restore", str(tmp_path / "backup"))
    assert message.startswith(f"vmst: {vmst.data_dir} already holds a database or media")
    out = vmst.cli("restore", str(tmp_path / "backup"), "--force").stdout
    assert "Moved the data that was there to" in out
    vmst.start()
    assert sql(vmst, "SELECT count(*) FROM accounts WHERE username = 'bob'") == [(1,)]
    assert api(vmst, "GET", "/api/v1/accounts/lookup?acct=bob").status == 200


def test_restore_refuses_something_that_is_not_a_backup_or_is_damaged(vmst, tmp_path):
    target = tmp_path / "target"
    (tmp_path / "empty").mkdir()
    assert vmst.cli_error("restore", str(tmp_path / "empty"), "--data-dir", str(target)) == \
        f"vmst: {tmp_path / 'empty'} is not a vmst backup (it has no vmst.db)"
    vmst.cli("backup", str(tmp_path / "backup"))
    with open(tmp_path / "backup" / "vmst.db", "r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\x5a" * 4096 * 4)
    message = vmst.cli_error("restore", str(tmp_path / "backup"), "--data-dir", str(target))
    assert "integrity" in message or "cannot be read" in message, message
    assert not (target / "vmst.db").exists()


def test_a_second_server_on_the_same_data_folder_is_refused(vmst):
    second = vmst.cli("serve", check=False, timeout=20)
    assert second.returncode != 0
    assert "another vmst server is running on" in second.stderr


# --- media usage and prune -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as server, FedifyPeer("127.0.0.7", name="fedify") as peer:
        start_with_peer(server, peer)
        alice = make_user(server, "alice")
        peer.create_actor("fran")
        yield server, peer, alice


def remote_note_with_picture(server, peer, number):
    """The peer sends a Note with an image to alice; returns the attachment's row id and remote URL."""
    fran = peer.actor_url("fran")
    picture = f"{peer.base_url}/files/picture-{number}.png"
    note = {
        "id": f"{fran}/notes/picture-{number}", "type": "Note", "attributedTo": fran,
        "content": f'<p><a href="{server.base_url}/users/alice">@alice</a> look</p>',
        "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "to": [AS + "#Public"], "cc": [f"{server.base_url}/users/alice"],
        "tag": [{"type": "Mention", "href": f"{server.base_url}/users/alice", "name": "@alice"}],
        "attachment": [{"type": "Document", "mediaType": "image/png", "url": picture, "name": "a picture"}],
    }
    activity = {"@context": AS, "id": note["id"] + "/activity", "type": "Create", "actor": fran,
                "to": note["to"], "cc": note["cc"], "object": note}
    assert peer.send_raw(f"{server.base_url}/users/alice/inbox", activity, actor="fran")["status"] in (200, 202)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        rows = sql(server, "SELECT m.id, m.status_id FROM media_attachments m JOIN statuses s ON s.id = m.status_id"
                           " WHERE s.uri = ?", note["id"])
        if rows:
            return rows[0][0], rows[0][1], picture
        time.sleep(0.1)
    raise AssertionError("the note did not arrive:\n" + server.log()[-2000:])


def give_cached_copy(server, media_id, age_days, size):
    """Puts a copy where the cache would, `age_days` old (the peer serves no such picture, so the server's own
    attempt to copy it fails and leaves the row to us)."""
    relative = f"cache/media_attachments/{media_id}/original.png"
    path = os.path.join(server.data_dir, "media", relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b"\x89PNG" + b"\0" * (size - 4))
    created = int(time.time() * 1000) - age_days * DAY_MS
    sql(server, "UPDATE media_attachments SET file_path = ?, file_size = ?, cached = 1, created_at = ?"
                " WHERE id = ?", relative, size, created, media_id)
    return path


def test_media_prune_removes_only_old_cached_remote_media(network):
    server, peer, alice = network
    old_id, old_status, old_url = remote_note_with_picture(server, peer, 1)
    new_id, new_status, _ = remote_note_with_picture(server, peer, 2)
    old_file = give_cached_copy(server, old_id, age_days=10, size=3000)
    new_file = give_cached_copy(server, new_id, age_days=1, size=5000)
    local = api(server, "POST", "/api/v2/media", alice.token,
                files={"file": ("p.png", tiny_png(8, 8), "image/png")}).json()
    sql(server, "UPDATE media_attachments SET created_at = created_at - ? WHERE id = ?", 30 * DAY_MS, int(local["id"]))
    local_file = os.path.join(server.data_dir, "media", local["url"].split("/system/media/", 1)[1])
    assert os.path.exists(local_file)
    served = api(server, "GET", f"/api/v1/statuses/{old_status}", alice.token).json()["media_attachments"][0]
    assert served["url"].startswith(server.base_url)  # the cached copy

    usage = json.loads(server.cli("media", "usage", "--json").stdout)
    assert usage["remote_cache"] == {"files": 2, "bytes": 8000}
    assert usage["local_attachments"]["files"] >= 1

    dry = json.loads(server.cli("media", "prune", "--older-than", "7d", "--dry-run", "--json").stdout)
    assert dry == {"dry_run": True, "attachments": 1, "files": 1, "bytes": 3000}
    assert os.path.exists(old_file)

    out = server.cli("media", "prune", "--older-than", "7d").stdout
    assert out.startswith("Removed 1 cached file(s) of 1 remote attachment(s)"), out
    assert not os.path.exists(old_file)
    assert os.path.exists(new_file) and os.path.exists(local_file)
    served = api(server, "GET", f"/api/v1/statuses/{old_status}", alice.token).json()["media_attachments"][0]
    # Our media proxy, which fetches the original again when asked (test_remote_media_cache.py).
    assert served["url"] == f"{server.base_url}/media_proxy/{old_id}/original"
    assert served["remote_url"] == old_url
    assert sql(server, "SELECT file_path, cached FROM media_attachments WHERE id = ?", old_id) == [(None, 0)]
    usage = json.loads(server.cli("media", "usage", "--json").stdout)
    assert usage["remote_cache"] == {"files": 1, "bytes": 5000}


def test_media_prune_names_a_bad_duration(network):
    server, _, _ = network
    for bad in ("7", "seven days", "7y", ""):
        assert server.cli_error("media", "prune", "--older-than", bad) == \
            f'vmst: --older-than: "{bad}" is not a duration (use a number and a unit: 30m, 12h, 7d, 2w)'
