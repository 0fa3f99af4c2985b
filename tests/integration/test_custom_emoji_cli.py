"""vmst emoji add/import/export/list/remove/copy against a running server, and custom emoji end to end: a pack
imported while serving, a post using one of its emoji through the client API, and the Note that reaches a Fedify
follower carrying the Emoji tag whose icon URL serves the image. Remote emoji arrive on a peer's Note, are kept per
domain, and can be adopted with `emoji copy`."""
import http.server
import io
import json
import os
import struct
import tarfile
import threading
import time
import urllib.request
import zlib

import pytest
from PIL import Image

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer
from harness import start_with_peer, VmstInstance, wait_until

AS = "https://www.w3.org/ns/activitystreams"
PUBLIC = AS + "#Public"


def png_bytes(rgb=(255, 0, 0)):
    """A real 1x1 PNG."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" + bytes(rgb)))
            + chunk(b"IEND", b""))


GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00"
       b"\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def make_pack(path, files):
    """files: {name: bytes}; written as a .tar.gz like the packs tootctl imports."""
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.headers.get("Content-Type"), r.read()


class ImageServer:
    """Serves fixed bytes over loopback HTTP: a remote server's emoji image."""

    def __init__(self, host, files):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                data = files.get(self.path)
                self.send_response(200 if data else 404)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(data or b"")))
                self.end_headers()
                self.wfile.write(data or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer((host, 0), Handler)
        self.base_url = f"http://{host}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def network():
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.6", name="fedify") as peer:
        start_with_peer(vmst, peer)
        alice = make_user(vmst, "alice")
        peer.create_actor("fran")
        result = peer.follow("fran", f"{vmst.base_url}/users/alice", wait=15)
        assert result["state"] == "accepted", result
        yield vmst, peer, alice


@pytest.fixture
def vmst(network):
    return network[0]


def write(vmst, name, data):
    path = os.path.join(vmst.dir, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def emoji_list(vmst, *flags):
    return json.loads(vmst.cli("emoji", "list", "--json", *flags).stdout)


# --- add -----------------------------------------------------------------------------------------------------

def test_add_stores_the_emoji_and_the_api_lists_it_with_a_url_that_serves_the_image(vmst):
    path = write(vmst, "wave.bin", png_bytes())  # the name says nothing: the bytes decide
    out = vmst.cli("emoji", "add", "wave", path, "--category", "Hands").stdout
    assert "Added :wave:" in out
    listed = {e["shortcode"]: e for e in api(vmst, "GET", "/api/v1/custom_emojis").json()}
    wave = listed["wave"]
    assert wave["category"] == "Hands" and wave["visible_in_picker"] is True
    assert wave["url"].startswith(vmst.base_url) and wave["static_url"] == wave["url"]
    status, content_type, body = fetch(wave["url"])
    assert (status, content_type, body) == (200, "image/png", png_bytes())


def test_add_refuses_a_bad_shortcode_naming_it(vmst):
    path = write(vmst, "ok.png", png_bytes())
    assert 'shortcode "bad-name" is invalid' in vmst.cli_error("emoji", "add", "bad-name", path)
    assert 'shortcode "x" is too short' in vmst.cli_error("emoji", "add", "x", path)
    assert "bad-name" not in [e["shortcode"] for e in emoji_list(vmst)]


def test_add_refuses_files_that_are_not_png_gif_or_webp_whatever_their_name(vmst):
    path = write(vmst, "photo.png", JPEG)
    err = vmst.cli_error("emoji", "add", "photo", path)
    assert "photo.png is not a PNG, GIF or WebP image (it is image/jpeg)" in err
    text = write(vmst, "notes.gif", b"just text")
    assert "notes.gif is not a PNG, GIF or WebP image" in vmst.cli_error("emoji", "add", "notes", text)
    assert not {"photo", "notes"} & {e["shortcode"] for e in emoji_list(vmst)}


def test_add_refuses_an_image_over_256_kb(vmst):
    path = write(vmst, "huge.png", png_bytes() + b"\0" * (256 * 1024))
    err = vmst.cli_error("emoji", "add", "huge", path)
    assert "huge.png is too big" in err and "256 KB" in err


def test_add_names_a_missing_file(vmst):
    err = vmst.cli_error("emoji", "add", "ghost", os.path.join(vmst.dir, "nowhere.png"))
    assert "nowhere.png: no such file" in err


def test_add_refuses_a_taken_shortcode_unless_overwriting(vmst):
    vmst.cli("emoji", "add", "taken", write(vmst, "a.png", png_bytes()))
    assert "emoji :taken: already exists" in vmst.cli_error("emoji", "add", "taken", write(vmst, "b.gif", GIF))
    vmst.cli("emoji", "add", "taken", write(vmst, "b.gif", GIF), "--overwrite")
    taken = [e for e in emoji_list(vmst) if e["shortcode"] == "taken"][0]
    assert taken["content_type"] == "image/gif"
    assert fetch(taken["url"])[2] == GIF


# --- remove --------------------------------------------------------------------------------------------------

def test_remove_deletes_the_emoji_and_its_image(vmst):
    vmst.cli("emoji", "add", "gone", write(vmst, "gone.png", png_bytes()))
    url = [e for e in emoji_list(vmst) if e["shortcode"] == "gone"][0]["url"]
    assert "Removed :gone:" in vmst.cli("emoji", "remove", "gone").stdout
    assert "gone" not in [e["shortcode"] for e in api(vmst, "GET", "/api/v1/custom_emojis").json()]
    with pytest.raises(urllib.error.HTTPError):
        fetch(url)


def test_remove_names_an_unknown_shortcode(vmst):
    assert "no local emoji :never_added:" in vmst.cli_error("emoji", "remove", "never_added")


# --- import / export -----------------------------------------------------------------------------------------

def test_import_takes_images_by_file_name_and_reports_counts(vmst):
    pack = os.path.join(vmst.dir, "pack.tar.gz")
    make_pack(pack, {"pack/imp_red.png": png_bytes(), "pack/imp_anim.gif": GIF, "pack/LICENSE.txt": b"CC0",
                     "pack/imp_fake.png": JPEG})
    out = vmst.cli("emoji", "import", pack, "--category", "Imported").stdout
    assert "Imported 2, skipped 0 (already present), failed 0, ignored 2" in out
    listed = {e["shortcode"]: e for e in api(vmst, "GET", "/api/v1/custom_emojis").json()}
    assert listed["imp_red"]["category"] == "Imported" and "imp_anim" in listed
    assert "imp_fake" not in listed and "LICENSE" not in listed
    # Again: everything is present and skipped.
    again = vmst.cli("emoji", "import", pack).stdout
    assert "Imported 0, skipped 2" in again


def test_import_reports_bad_names_and_oversized_images_and_exits_non_zero(vmst):
    pack = os.path.join(vmst.dir, "mixed.tar.gz")
    make_pack(pack, {"mixed_ok.png": png_bytes(), "bad name.png": png_bytes(),
                     "mixed_big.png": png_bytes() + b"\0" * (256 * 1024 + 10)})
    r = vmst.cli("emoji", "import", pack, check=False)
    assert r.returncode != 0
    assert 'bad name.png: shortcode "bad name" is invalid' in r.stderr
    assert "mixed_big.png: too big" in r.stderr
    assert "Imported 1, skipped 0 (already present), failed 2" in r.stdout
    assert "mixed_ok" in [e["shortcode"] for e in emoji_list(vmst)]


def test_import_names_a_missing_or_unreadable_pack(vmst):
    assert "nope.tar.gz: no such file" in vmst.cli_error("emoji", "import", os.path.join(vmst.dir, "nope.tar.gz"))
    junk = write(vmst, "junk.tar.gz", b"this is not an archive at all" * 20)
    assert "junk.tar.gz" in vmst.cli_error("emoji", "import", junk)


def test_export_writes_a_pack_that_import_reads_back(vmst, tmp_path):
    vmst.cli("emoji", "add", "exported", write(vmst, "e.png", png_bytes((0, 0, 255))))
    pack = str(tmp_path / "out.tar.gz")
    assert "Exported" in vmst.cli("emoji", "export", pack).stdout
    with tarfile.open(pack) as tar:
        names = tar.getnames()
        assert "exported.png" in names
        assert tar.extractfile("exported.png").read() == png_bytes((0, 0, 255))
    vmst.cli("emoji", "remove", "exported")
    out = vmst.cli("emoji", "import", pack).stdout
    assert "Imported 1," in out
    assert "exported" in [e["shortcode"] for e in emoji_list(vmst)]


# --- list ----------------------------------------------------------------------------------------------------

def test_list_prints_text_and_json(vmst):
    vmst.cli("emoji", "add", "listed", write(vmst, "l.png", png_bytes()), "--category", "Cat")
    text = vmst.cli("emoji", "list").stdout
    assert ":listed:" in text and "Cat" in text
    listed = [e for e in emoji_list(vmst) if e["shortcode"] == "listed"][0]
    assert listed["domain"] is None and listed["category"] == "Cat" and listed["content_type"] == "image/png"


# --- end to end ----------------------------------------------------------------------------------------------

def test_an_imported_emoji_used_in_a_post_reaches_the_fedify_follower_as_an_emoji_tag(network):
    vmst, peer, alice = network
    pack = os.path.join(vmst.dir, "party.tar.gz")
    make_pack(pack, {"blobparty.png": png_bytes((0, 255, 0)), "blobwave.gif": GIF})
    assert "Imported 2," in vmst.cli("emoji", "import", pack).stdout

    s = api(vmst, "POST", "/api/v1/statuses", alice.token, json_body={"status": "let's :blobparty: :unknown:"}).json()
    assert [e["shortcode"] for e in s["emojis"]] == ["blobparty"]
    assert fetch(s["emojis"][0]["url"])[2] == png_bytes((0, 255, 0))

    created = peer.wait_for("Create", actor=f"{vmst.base_url}/users/alice", timeout=15,
                            predicate=lambda a: a["json"]["object"]["id"] == s["uri"])
    note = created[0]["json"]["object"]
    emoji_tags = [t for t in note["tag"] if t["type"] == "Emoji"]
    assert len(emoji_tags) == 1
    tag = emoji_tags[0]
    assert tag["name"] == ":blobparty:"
    assert tag["id"].startswith(f"{vmst.base_url}/emojis/")
    assert tag["updated"].endswith("Z")
    assert tag["icon"]["type"] == "Image" and tag["icon"]["mediaType"] == "image/png"
    status, content_type, body = fetch(tag["icon"]["url"])
    assert (status, content_type, body) == (200, "image/png", png_bytes((0, 255, 0)))
    # The tag's id is the emoji's ActivityPub object.
    emoji_doc = vmst.request("GET", tag["id"][len(vmst.base_url):], headers={"Accept": "application/activity+json"})
    assert emoji_doc.status == 200
    assert {k: emoji_doc.json()[k] for k in ("id", "type", "name", "icon")} == {
        k: tag[k] for k in ("id", "type", "name", "icon")}
    # The Note fetched from its id carries it too.
    fetched = vmst.request("GET", f"/users/alice/statuses/{s['id']}", headers={"Accept": "application/activity+json"})
    assert [t["name"] for t in fetched.json()["tag"] if t["type"] == "Emoji"] == [":blobparty:"]


def test_an_emoji_in_the_display_name_shows_in_the_account_and_on_the_actor(network):
    vmst, peer, alice = network
    vmst.cli("emoji", "add", "namebadge", write(vmst, "badge.png", png_bytes((9, 9, 9))))
    r = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", alice.token,
            form={"display_name": "Alice :namebadge:", "note": "hello :blobwave:"})
    assert r.status == 200, r.body
    assert sorted(e["shortcode"] for e in r.json()["emojis"]) == ["blobwave", "namebadge"]
    account = api(vmst, "GET", f"/api/v1/accounts/{alice.id}").json()
    assert sorted(e["shortcode"] for e in account["emojis"]) == ["blobwave", "namebadge"]
    actor = vmst.request("GET", "/users/alice", headers={"Accept": "application/activity+json"}).json()
    assert sorted(t["name"] for t in actor["tag"] if t["type"] == "Emoji") == [":blobwave:", ":namebadge:"]
    # The follower hears of the change with the tags.
    updates = peer.wait_for("Update", actor=f"{vmst.base_url}/users/alice", timeout=15,
                            predicate=lambda a: a["json"]["object"].get("name") == "Alice :namebadge:")
    assert ":namebadge:" in [t["name"] for t in updates[0]["json"]["object"]["tag"] if t["type"] == "Emoji"]


def test_remote_emoji_are_kept_per_domain_and_copy_adopts_one(network):
    vmst, peer, alice = network
    images = ImageServer("127.0.0.7", {"/emoji/remoteblob.png": png_bytes((1, 2, 3))})
    try:
        fran = peer.actor_url("fran")
        note = {
            "id": f"{fran}/notes/emoji-1", "type": "Note", "attributedTo": fran,
            "content": f'<p><a href="{vmst.base_url}/users/alice">@alice</a> look :remoteblob: and :blobparty:</p>',
            "published": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "to": [PUBLIC], "cc": [f"{fran}/followers", f"{vmst.base_url}/users/alice"],
            "tag": [{"type": "Mention", "href": f"{vmst.base_url}/users/alice", "name": "@alice"},
                    {"id": f"{peer.base_url}/emojis/1", "type": "Emoji", "name": ":remoteblob:",
                     "updated": "2024-01-01T00:00:00Z",
                     "icon": {"type": "Image", "mediaType": "image/png",
                              "url": f"{images.base_url}/emoji/remoteblob.png"}}],
        }
        activity = {"@context": AS, "id": note["id"] + "/activity", "type": "Create", "actor": fran,
                    "to": note["to"], "cc": note["cc"], "object": note}
        r = peer.send_raw(f"{vmst.base_url}/users/alice/inbox", activity, actor="fran")
        assert r["status"] in (200, 202), r
        row = wait_until(lambda: sql(vmst, "SELECT id FROM statuses WHERE uri = ?", note["id"]))
        assert row, "the note arrived"
        s = api(vmst, "GET", f"/api/v1/statuses/{row[0][0]}", alice.token).json()
        # Only the peer's own emoji: our local :blobparty: is not theirs.
        assert [e["shortcode"] for e in s["emojis"]] == ["remoteblob"]
        # The origin's image until the remote media cache has copied it, our copy after.
        url = s["emojis"][0]["url"]
        assert url == f"{images.base_url}/emoji/remoteblob.png" or \
            url.startswith(f"{vmst.base_url}/system/media/cache/custom_emojis/"), url

        remote = emoji_list(vmst, "--remote")
        domain = [e["domain"] for e in remote if e["shortcode"] == "remoteblob"][0]
        assert domain == peer.domain
        assert "remoteblob" not in [e["shortcode"] for e in api(vmst, "GET", "/api/v1/custom_emojis").json()]

        assert "no emoji :nothere: from" in vmst.cli_error("emoji", "copy", f"nothere@{domain}")
        assert "is not SHORTCODE@DOMAIN" in vmst.cli_error("emoji", "copy", "remoteblob")
        assert "Copied :remoteblob:" in vmst.cli("emoji", "copy", f"remoteblob@{domain}").stdout
        local = {e["shortcode"]: e for e in api(vmst, "GET", "/api/v1/custom_emojis").json()}
        assert local["remoteblob"]["url"].startswith(vmst.base_url)
        # The same picture, whether copied from the origin's file or from the cache's re-encoded copy of it.
        copied = Image.open(io.BytesIO(fetch(local["remoteblob"]["url"])[2]))
        assert copied.format == "PNG" and copied.size == (1, 1)
        assert copied.convert("RGB").getpixel((0, 0)) == (1, 2, 3)
        assert "already exists" in vmst.cli_error("emoji", "copy", f"remoteblob@{domain}")
    finally:
        images.close()
