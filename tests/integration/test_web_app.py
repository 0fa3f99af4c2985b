"""The web app at /web in a real browser: Debian's headless Chromium, driven by npm's playwright-core (never a
downloaded browser) through web_app_browser/session.mjs, against the real binary and a live Fedify peer. One
browser session walks what a member does (sign in with OAuth + PKCE, post with an image and alt text, reply,
favourite, vote in polls and post one, follow a remote account and see its post arrive live, edit the profile, sign
out, open the public pages, see a custom emoji there and use the remote-follow form); any console error fails it. Screenshots of the main screens at phone and desktop width are saved to
$VMST_ARTIFACT_DIR (default build/artifacts/screenshots)."""
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

from api_client import api, make_user, sql
from fedify_peer import FedifyPeer, node_binary
from harness import VmstInstance

HERE = os.path.dirname(os.path.abspath(__file__))
BROWSER_DIR = os.path.join(HERE, "web_app_browser")
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = os.environ.get("VMST_ARTIFACT_DIR") or os.path.join(HERE, "..", "..", "build", "artifacts", "screenshots")


def ensure_playwright():
    """npm ci of the locked playwright-core when node_modules is missing or stale (packaging/test.sh does the same)."""
    lock_file = os.path.join(BROWSER_DIR, "package-lock.json")
    marker = os.path.join(BROWSER_DIR, "node_modules", ".package-lock.json")

    def fresh():
        return os.path.exists(marker) and os.path.getmtime(marker) >= os.path.getmtime(lock_file)

    if fresh():
        return
    with open(os.path.join(tempfile.gettempdir(), "vmst-web-app-npm.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if fresh():
            return
        # playwright-core downloads nothing on install; the variable makes sure of it.
        env = dict(os.environ, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD="1")
        result = subprocess.run([shutil.which("npm") or "npm", "ci", "--no-audit", "--no-fund"], cwd=BROWSER_DIR,
                                capture_output=True, text=True, timeout=600, env=env)
        assert result.returncode == 0, f"npm ci in {BROWSER_DIR} failed:\n{result.stdout}\n{result.stderr}"


def test_pattern_png(width=320, height=200):
    """A striped PNG, so the screenshots show a real picture."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            row += bytes((200, 40, 60) if ((x + y) // 20) % 2 == 0 else (40, 80, 200))
        rows.append(bytes(row))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b""))


test_pattern_png.__test__ = False  # a helper, not a test


@pytest.fixture(scope="module")
def network():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is not installed: packaging/test.sh installs it (TEST_PACKAGES)")
    ensure_playwright()
    with VmstInstance("127.0.0.1") as vmst, FedifyPeer("127.0.0.28", name="fedify") as peer:
        peer.launch()
        vmst.start()
        peer.wait_until_ready()
        yield vmst, peer


def run_session(options):
    result = subprocess.run([node_binary(), os.path.join(BROWSER_DIR, "session.mjs"), json.dumps(options)],
                            cwd=BROWSER_DIR, capture_output=True, text=True, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    outcome = json.loads(lines[-1][len("RESULT "):]) if lines else {"problems": ["no result"]}
    assert result.returncode == 0 and not outcome["problems"], (
        "the browser session failed:\n" + "\n".join(outcome["problems"])
        + f"\n--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}")
    return outcome


def test_a_member_uses_the_web_app_in_a_real_browser(network):
    vmst, peer = network
    alice = make_user(vmst, "alice")
    peer.create_actor("fran", name="Fran on Fedify", summary="<p>I live on the Fedify peer.</p>")
    # A post with the most pictures a post may carry, already on home when the browser arrives.
    media_ids = [api(vmst, "POST", "/api/v2/media", alice.token,
                     files={"file": (f"p{i}.png", test_pattern_png(160 + 40 * i, 120), "image/png")}).json()["id"]
                 for i in range(4)]
    assert api(vmst, "POST", "/api/v1/statuses", alice.token,
               json_body={"status": "Four pictures", "media_ids": media_ids}).status == 200
    image = os.path.join(vmst.dir, "pattern.png")
    with open(image, "wb") as f:
        f.write(test_pattern_png())
    emoji = os.path.join(vmst.dir, "blobwave.png")
    with open(emoji, "wb") as f:
        f.write(test_pattern_png(32, 32))
    vmst.cli("emoji", "add", "blobwave", emoji)
    # More than one page of the local timeline, for the infinite scroll.
    bob = make_user(vmst, "bob")
    for i in range(30):
        assert api(vmst, "POST", "/api/v1/statuses", bob.token, json_body={"status": f"Filler post {i}"}).status == 200

    # Polls by someone else, for alice to vote in: single choice (an option with a custom emoji) and multiple choice.
    polls = {kind: api(vmst, "POST", "/api/v1/statuses", bob.token, json_body={"status": text, "poll": poll}).json()["id"]
             for kind, text, poll in (
                 ("single", "Which colour? :blobwave:", {"options": ["Red", "Blue :blobwave:"], "expires_in": 3600}),
                 ("multiple", "Which fruit?", {"options": ["Apple", "Pear", "Plum"], "expires_in": 3600, "multiple": True}))}

    outcome = run_session({
        "base": vmst.base_url, "login": alice.email, "password": alice.password, "username": "alice",
        "image": image, "artifacts": os.path.abspath(ARTIFACTS),
        "peer": {"control": peer.base_url, "actor": "fran", "handle": peer.handle("fran")},
        "polls": polls,
        # For work on the app: VMST_WEB_STATIC_DIR=static/web serves the modules from disk, no rebuild needed.
        "staticDir": os.environ.get("VMST_WEB_STATIC_DIR"),
    })

    # What the browser did is what the server stored.
    status = api(vmst, "GET", f"/api/v1/statuses/{outcome['statusId']}", alice.token).json()
    assert status["media_attachments"][0]["description"] == "A red and blue test pattern"
    assert status["favourites_count"] == 2  # alice's and the peer's
    assert status["replies_count"] == 1 and status["reblogs_count"] == 1
    assert status["bookmarked"] and status["edited_at"] and "edited in the browser" in status["content"]
    assert status["emojis"][0]["shortcode"] == "blobwave"
    mine = api(vmst, "GET", f"/api/v1/accounts/{alice.id}/statuses", alice.token).json()
    assert not any("Delete me" in s["content"] for s in mine)
    me = api(vmst, "GET", "/api/v1/accounts/verify_credentials", alice.token).json()
    assert me["display_name"] == "Alice in the browser"
    assert me["source"]["privacy"] == "unlisted" and me["discoverable"] is True
    assert me["fields"][0]["name"] == "Website"
    assert not me["avatar"].endswith("/missing.png")
    # The web app's sign-in token was revoked on sign-out: only the test's own password-grant token is left.
    web_app = "SELECT id FROM oauth_applications WHERE name = 'vmst web'"
    assert sql(vmst, f"SELECT COUNT(*) FROM oauth_authorization_codes WHERE used_at IS NOT NULL "
                     f"AND code_challenge_method = 'S256' AND application_id IN ({web_app})")[0][0] == 1
    assert sql(vmst, f"SELECT COUNT(*) FROM oauth_access_tokens WHERE revoked_at IS NULL "
                     f"AND application_id IN ({web_app})")[0][0] == 0
    # The votes and the new poll are the server's.
    single = api(vmst, "GET", f"/api/v1/statuses/{polls['single']}", alice.token).json()["poll"]
    assert single["voted"] and single["own_votes"] == [1] and single["votes_count"] == 1
    multiple = api(vmst, "GET", f"/api/v1/statuses/{polls['multiple']}", alice.token).json()["poll"]
    assert multiple["own_votes"] == [0, 2] and multiple["voters_count"] == 1
    created = api(vmst, "GET", f"/api/v1/statuses/{outcome['pollStatusId']}", alice.token).json()["poll"]
    assert [o["title"] for o in created["options"]] == ["Tea", "Coffee", "Both"] and created["multiple"] is True
    assert created["expires_at"]
    assert outcome["remoteFollowLandedOn"] == "/@alice"
    # The public pages (server-rendered, signed out) answer.
    assert outcome["publicPages"] == {"/@alice": 200, f"/@alice/{outcome['statusId']}": 200}
    for name in ("02-home", "03-thread", "04-notifications", "07-settings"):
        for size in ("phone", "desktop"):
            assert os.path.getsize(os.path.join(ARTIFACTS, f"{name}-{size}.png")) > 0


def test_every_in_app_address_answers_the_shell_with_a_strict_policy(network):
    vmst, _ = network
    shell = vmst.request("GET", "/web")
    assert shell.status == 200 and shell.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/web/main.js"></script>' in shell.body
    csp = shell.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and f"connect-src 'self' {vmst.streaming_url};" in csp
    for path in ("/web/callback?code=x&state=y", "/web/statuses/123", "/web/@alice@example.org"):
        r = vmst.request("GET", path)
        assert r.status == 200 and r.body == shell.body, path
        assert r.headers["content-security-policy"] == csp


def test_the_modules_are_revalidated_so_an_upgrade_is_seen_at_once(network):
    vmst, _ = network
    module = vmst.request("GET", "/static/web/main.js")
    assert module.status == 200 and module.headers["content-type"].startswith("text/javascript")
    assert module.headers["cache-control"] == "no-cache"
    again = vmst.request("GET", "/static/web/main.js", headers={"If-None-Match": module.headers["etag"]})
    assert again.status == 304 and again.body == ""
    assert vmst.request("GET", "/static/web/missing.js").status == 404
    # Other static files keep their day-long caching.
    assert "max-age" in vmst.request("GET", "/static/icons/icon-192x192.png").headers["cache-control"]
