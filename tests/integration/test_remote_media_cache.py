"""The remote media cache against a real Fedify peer: a picture attached to the peer's note is copied here in the
background (metadata stripped like an upload's), the API points at our copy, `vmst media usage` counts it,
`vmst media prune` lets it go and a request at our URL fetches it again. A reject_media domain's files are never
fetched, and the copies made before the block are deleted. Avatars, headers and emoji are copied once each, and a
URL that failed is not fetched again at once."""
import json
import os
import sqlite3
import tempfile
import time

import pytest
from PIL import Image

import media_samples
from api_client import api, make_user
from fedify_peer import FedifyPeer
from harness import VmstInstance, wait_until

AS = "https://www.w3.org/ns/activitystreams"


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, \
            FedifyPeer("127.0.0.14", name="fedify") as peer:
        peer.launch()
        vmst.start()
        peer.wait_until_ready()
        alice = make_user(vmst, "alice")
        peer.create_actor("fran")
        yield vmst, peer, alice


def sql(vmst, statement, *args):
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"))
    try:
        return db.execute(statement, args).fetchall()
    finally:
        db.close()


def note_with_picture(vmst, peer, name, picture_url, media_type):
    """The peer's public note to alice with one attachment; returns (attachment id, status id) once stored."""
    fran = peer.actor_url("fran")
    note = {
        "id": f"{fran}/notes/{name}", "type": "Note", "attributedTo": fran,
        "content": f'<p><a href="{vmst.base_url}/users/alice">@alice</a> look</p>',
        "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "to": [AS + "#Public"], "cc": [f"{vmst.base_url}/users/alice"],
        "tag": [{"type": "Mention", "href": f"{vmst.base_url}/users/alice", "name": "@alice"}],
        "attachment": [{"type": "Document", "mediaType": media_type, "url": picture_url, "name": "a picture"}],
    }
    activity = {"@context": AS, "id": note["id"] + "/activity", "type": "Create", "actor": fran,
                "to": note["to"], "cc": note["cc"], "object": note}
    assert peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="fran")["status"] in (200, 202)
    rows = wait_until(lambda: sql(vmst, "SELECT m.id, m.status_id FROM media_attachments m"
                                        " JOIN statuses s ON s.id = m.status_id WHERE s.uri = ?", note["id"]))
    assert rows, "the note did not arrive:\n" + vmst.log()[-2000:]
    return rows[0]


def cached_path(vmst, media_id):
    return sql(vmst, "SELECT file_path FROM media_attachments WHERE id = ?", media_id)[0][0]


def attachment_json(vmst, alice, status_id):
    return api(vmst, "GET", f"/api/v1/statuses/{status_id}", alice.token).json()["media_attachments"][0]


def test_a_remote_picture_is_cached_served_pruned_and_fetched_again_on_demand(network):
    vmst, peer, alice = network
    # A photo as cameras write them: GPS position, camera model, turned by its EXIF orientation.
    with tempfile.NamedTemporaryFile(suffix=".jpg", delete=False) as f:
        f.write(media_samples.jpeg(64, 48))
    media_samples.with_gps_and_orientation(f.name)
    with open(f.name, "rb") as photo:
        original = photo.read()
    os.unlink(f.name)
    picture = peer.put_file("/files/photo.jpg", original, "image/jpeg")

    media_id, status_id = note_with_picture(vmst, peer, "with-photo", picture, "image/jpeg")
    path = wait_until(lambda: cached_path(vmst, media_id))
    assert path, vmst.log()[-3000:]
    assert path.startswith(f"cache/media_attachments/{media_id}/")
    on_disk = os.path.join(vmst.data_dir, "media", path)
    fetches = peer.file_requests("/files/photo.jpg")
    assert len(fetches) == 1 and fetches[0]["user_agent"].startswith("vmst/")

    # The API hands out our copy; the origin stays in remote_url.
    media = attachment_json(vmst, alice, status_id)
    assert media["url"] == f"{vmst.base_url}/system/media/{path}"
    assert media["preview_url"].startswith(f"{vmst.base_url}/system/media/cache/media_attachments/{media_id}/")
    assert media["remote_url"] == picture
    assert media["type"] == "image" and media["blurhash"]
    assert (media["meta"]["original"]["width"], media["meta"]["original"]["height"]) == (48, 64)  # upright

    # What we serve is the file on disk, re-encoded upright without the camera's metadata.
    r = vmst.request("GET", f"/system/media/{path}")
    assert r.status == 200 and r.headers["content-type"] == "image/jpeg"
    with open(on_disk, "rb") as stored:
        stored_bytes = stored.read()
    assert stored_bytes != original
    assert Image.open(on_disk).size == (48, 64)
    tags = media_samples.exif_tags(on_disk)
    assert not [k for k in tags if "GPS" in k], tags
    assert "Secret Camera" not in json.dumps(tags)

    # `vmst media usage` counts the copy (the original and the preview, if one was made).
    files = [p for p in sql(vmst, "SELECT file_path, thumbnail_path FROM media_attachments WHERE id = ?",
                            media_id)[0] if p]
    size = sum(os.path.getsize(os.path.join(vmst.data_dir, "media", p)) for p in files)
    usage = json.loads(vmst.cli("media", "usage", "--json").stdout)
    assert usage["remote_cache"] == {"files": len(files), "bytes": size}

    # Pruned: the files go, the API points at our media proxy.
    pruned = json.loads(vmst.cli("media", "prune", "--older-than", "0s", "--json").stdout)
    assert pruned["attachments"] == 1 and pruned["bytes"] == size
    assert not os.path.exists(on_disk)
    assert json.loads(vmst.cli("media", "usage", "--json").stdout)["remote_cache"] == {"files": 0, "bytes": 0}
    media = attachment_json(vmst, alice, status_id)
    assert media["url"] == f"{vmst.base_url}/media_proxy/{media_id}/original"
    assert media["preview_url"] == f"{vmst.base_url}/media_proxy/{media_id}/small"
    assert media["remote_url"] == picture

    # A client holding the old URL is sent to the proxy, which fetches the file again and sends it to the copy.
    r = vmst.request("GET", f"/system/media/{path}")
    assert r.status == 302 and r.headers["location"] == f"/media_proxy/{media_id}/original"
    r = vmst.request("GET", f"/media_proxy/{media_id}/original")
    assert r.status == 302, r.body
    again = cached_path(vmst, media_id)
    assert again and again != path
    assert r.headers["location"] == f"{vmst.base_url}/system/media/{again}"
    assert len(peer.file_requests("/files/photo.jpg")) == 2
    r = vmst.request("GET", f"/system/media/{again}")
    assert r.status == 200
    assert attachment_json(vmst, alice, status_id)["url"] == f"{vmst.base_url}/system/media/{again}"


def test_a_file_that_is_not_media_is_not_kept_and_the_proxy_sends_clients_to_the_origin(network):
    vmst, peer, alice = network
    page = peer.put_file("/files/page.png", b"<html><script>alert(1)</script></html>", "image/png")
    media_id, status_id = note_with_picture(vmst, peer, "with-page", page, "image/png")
    assert wait_until(lambda: peer.file_requests("/files/page.png"))
    r = vmst.request("GET", f"/media_proxy/{media_id}/original")
    assert r.status == 302 and r.headers["location"] == page
    assert cached_path(vmst, media_id) is None
    assert not os.path.exists(os.path.join(vmst.data_dir, "media", "cache", "media_attachments", str(media_id)))


def test_nothing_is_fetched_for_a_domain_blocked_with_reject_media(network):
    vmst, peer, alice = network
    vmst.cli("domain", "block", peer.host, "--severity", "noop", "--reject-media")
    try:
        picture = peer.put_file("/files/rejected.png", media_samples.png(), "image/png")
        media_id, status_id = note_with_picture(vmst, peer, "rejected", picture, "image/png")
        media = attachment_json(vmst, alice, status_id)
        assert media["type"] == "unknown" and media["url"] == picture  # a link to the origin
        # Asked for at our URL, the file is still not fetched: the client goes to the origin.
        r = vmst.request("GET", f"/media_proxy/{media_id}/original")
        assert r.status == 302 and r.headers["location"] == picture
        assert wait_until(lambda: "is blocked with reject_media" in vmst.log()), vmst.log()[-2000:]
        assert peer.file_requests("/files/rejected.png") == []
        assert cached_path(vmst, media_id) is None
    finally:
        vmst.cli("domain", "unblock", peer.host)


def account_json(vmst, alice, uri):
    account_id = sql(vmst, "SELECT id FROM accounts WHERE uri = ?", uri)[0][0]
    return api(vmst, "GET", f"/api/v1/accounts/{account_id}", alice.token).json()


def test_a_failing_origin_is_not_asked_again_at_once(network):
    vmst, peer, alice = network
    missing = f"{peer.base_url}/files/missing.png"  # the peer answers 404
    media_id, status_id = note_with_picture(vmst, peer, "with-missing", missing, "image/png")
    assert wait_until(lambda: peer.file_requests("/files/missing.png")), vmst.log()[-2000:]
    assert wait_until(lambda: "missing.png answered 404" in vmst.log()), vmst.log()[-2000:]
    # Clients asking for it now are sent to the origin at once, without another fetch.
    started = time.monotonic()
    for _ in range(3):
        r = vmst.request("GET", f"/media_proxy/{media_id}/original")
        assert r.status == 302 and r.headers["location"] == missing
    assert time.monotonic() - started < 2
    assert len(peer.file_requests("/files/missing.png")) == 1
    assert cached_path(vmst, media_id) is None
    # An unknown id is a 404 (not a crash).
    assert vmst.request("GET", "/media_proxy/1/original").status == 404


def test_avatars_headers_and_emoji_are_copied_once_and_deleted_when_the_domain_rejects_media(network):
    vmst, peer, alice = network
    avatar = peer.put_file("/files/gina-avatar.png", media_samples.png(60, 60), "image/png")
    header = peer.put_file("/files/gina-header.png", media_samples.png(90, 30), "image/png")
    emoji = peer.put_file("/files/ginablob.png", media_samples.png(16, 16), "image/png")
    picture = peer.put_file("/files/gina-photo.png", media_samples.png(), "image/png")
    gina = peer.create_actor("gina", icon={"url": avatar, "media_type": "image/png"},
                             image={"url": header, "media_type": "image/png"})["id"]
    note = {
        "id": f"{gina}/notes/with-emoji", "type": "Note", "attributedTo": gina,
        "content": f'<p><a href="{vmst.base_url}/users/alice">@alice</a> look :ginablob:</p>',
        "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "to": [AS + "#Public"], "cc": [f"{vmst.base_url}/users/alice"],
        "tag": [{"type": "Mention", "href": f"{vmst.base_url}/users/alice", "name": "@alice"},
                {"id": f"{peer.base_url}/emojis/ginablob", "type": "Emoji", "name": ":ginablob:",
                 "icon": {"type": "Image", "mediaType": "image/png", "url": emoji}}],
        "attachment": [{"type": "Document", "mediaType": "image/png", "url": picture, "name": "a picture"}],
    }
    activity = {"@context": AS, "id": note["id"] + "/activity", "type": "Create", "actor": gina,
                "to": note["to"], "cc": note["cc"], "object": note}
    assert peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="gina")["status"] in (200, 202)

    def copies():
        rows = sql(vmst, "SELECT av.file_path, hd.file_path FROM accounts a"
                         " LEFT JOIN media_attachments av ON av.id = a.avatar_media_id"
                         " LEFT JOIN media_attachments hd ON hd.id = a.header_media_id WHERE a.uri = ?", gina)
        emoji_rows = sql(vmst, "SELECT image_path FROM custom_emojis WHERE shortcode = 'ginablob'")
        media_rows = sql(vmst, "SELECT m.file_path, m.id, m.status_id FROM media_attachments m"
                               " JOIN statuses s ON s.id = m.status_id WHERE s.uri = ?", note["id"])
        if not rows or not emoji_rows or not media_rows:
            return None
        paths = [rows[0][0], rows[0][1], emoji_rows[0][0], media_rows[0][0]]
        return (paths, media_rows[0][1], media_rows[0][2]) if all(paths) else None

    found = wait_until(copies)
    assert found, vmst.log()[-3000:]
    (avatar_path, header_path, emoji_path, photo_path), media_id, status_id = found
    assert avatar_path.startswith("cache/avatars/") and header_path.startswith("cache/headers/")
    assert emoji_path.startswith("cache/custom_emojis/")
    files = [os.path.join(vmst.data_dir, "media", p) for p in (avatar_path, header_path, emoji_path, photo_path)]
    assert all(os.path.exists(f) for f in files)
    # Each fetched once, however many times vmst saw the actor and its emoji.
    time.sleep(0.5)
    for path in ("/files/gina-avatar.png", "/files/gina-header.png", "/files/ginablob.png", "/files/gina-photo.png"):
        assert len(peer.file_requests(path)) == 1, path

    # The API hands out our copies.
    account = account_json(vmst, alice, gina)
    assert account["avatar"] == account["avatar_static"] == f"{vmst.base_url}/system/media/{avatar_path}"
    assert account["header"] == account["header_static"] == f"{vmst.base_url}/system/media/{header_path}"
    status = api(vmst, "GET", f"/api/v1/statuses/{status_id}", alice.token).json()
    assert [e["url"] for e in status["emojis"]] == [f"{vmst.base_url}/system/media/{emoji_path}"]
    assert status["media_attachments"][0]["url"] == f"{vmst.base_url}/system/media/{photo_path}"

    # reject_media added afterwards: the copies go from disk and the API stops serving our URLs.
    out = vmst.cli("domain", "block", peer.host, "--severity", "noop", "--reject-media").stdout
    try:
        assert "deleted " in out and "cached media file(s)" in out, out
        for f in files:
            assert not os.path.exists(f), f
        account = account_json(vmst, alice, gina)
        assert account["avatar"] == account["avatar_static"] == f"{vmst.base_url}/avatars/original/missing.png"
        assert account["header"] == account["header_static"] == f"{vmst.base_url}/headers/original/missing.png"
        status = api(vmst, "GET", f"/api/v1/statuses/{status_id}", alice.token).json()
        assert status["emojis"] == []
        media = status["media_attachments"][0]
        assert media["type"] == "unknown" and media["url"] == picture  # a link to the origin, as for new posts
        assert not [p for p in sql(vmst, "SELECT file_path, thumbnail_path FROM media_attachments m"
                                         " JOIN accounts a ON a.id = m.account_id WHERE a.uri = ?", gina)
                    if p[0] or p[1]]
        # Nothing is fetched again.
        r = vmst.request("GET", f"/media_proxy/{media_id}/original")
        assert r.status == 302 and r.headers["location"] == picture
        assert len(peer.file_requests("/files/gina-photo.png")) == 1
    finally:
        vmst.cli("domain", "unblock", peer.host)
