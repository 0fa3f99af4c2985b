"""The apps people already use, driving the real binary: Debian's toot 0.34 and python3-mastodon 1.8, and npm's
masto 8 (on Node 20 with --experimental-websocket). Each runs a whole session the way its users would."""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

import pytest

from api_client import api, make_user, tiny_png
from harness import VmstInstance

HERE = os.path.dirname(__file__)
MASTO_DIR = os.path.join(HERE, "masto_client")


def run_toot(vmst, home, *args, input=None):
    env = dict(os.environ, HOME=home)
    result = subprocess.run(["toot", *args], input=input, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, f"toot {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_toot_logs_in_with_the_password_grant_posts_reads_and_follows(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    home = tempfile.mkdtemp(prefix="toot-home-")
    out = run_toot(vmst, home, "login_cli", "-i", vmst.domain, "--disable-https", "-e", alice.email,
                   input=alice.password + "\n")
    assert "Successfully logged in" in out, out
    assert "@alice" in run_toot(vmst, home, "whoami")
    run_toot(vmst, home, "post", "hello from toot #test")
    png = os.path.join(home, "tiny.png")
    with open(png, "wb") as f:
        f.write(tiny_png())
    run_toot(vmst, home, "post", "with a picture", "-m", png, "-d", "alt text")
    timeline = run_toot(vmst, home, "timeline", "-1")
    assert "hello from toot" in timeline and "with a picture" in timeline
    # Bob favourites and follows; alice sees both in her notifications.
    mine = api(vmst, "GET", f"/api/v1/accounts/{alice.id}/statuses", alice.token).json()
    api(vmst, "POST", f"/api/v1/statuses/{mine[0]['id']}/favourite", bob.token)
    api(vmst, "POST", f"/api/v1/accounts/{alice.id}/follow", bob.token)
    notifications = run_toot(vmst, home, "notifications")
    assert "bob" in notifications
    run_toot(vmst, home, "follow", "bob")
    rel = api(vmst, "GET", "/api/v1/accounts/relationships", alice.token, query={"id[]": bob.id}).json()
    assert rel[0]["following"] is True


MASTODON_PY_SESSION = r'''
import json, sys, time
from mastodon import Mastodon, StreamListener
base, alice_email, alice_pw, png = sys.argv[1:5]
cid, sec = Mastodon.create_app("acceptance", api_base_url=base)
a = Mastodon(client_id=cid, client_secret=sec, api_base_url=base)
a.log_in(alice_email, alice_pw)
b = Mastodon(client_id=cid, client_secret=sec, api_base_url=base)
b.create_account("bob", "a-long-password-1", "bob@example.test", agreement=True)
me = a.account_verify_credentials()
assert me.acct == "alice" and "source" in me
m = a.media_post(png, mime_type="image/png", description="alt", synchronous=True)
s = a.status_post("hello #py", media_ids=[m], visibility="public")
assert a.timeline_home(limit=5)[0].id == s.id
a.status_post("second")
p1 = a.timeline_home(limit=1)
p2 = a.fetch_next(p1)
assert p2 and p2[0].id != p1[0].id
b.account_follow(me.id); b.status_favourite(s.id); b.status_reblog(s.id); b.status_bookmark(s.id)
types = {n.type for n in a.notifications()}
assert {"follow", "favourite", "reblog"} <= types, types
a.status_update(s.id, "edited #py")
assert len(a.status_history(s.id)) == 2
assert a.status_source(s.id).text == "edited #py"
assert a.account_relationships(b.account_verify_credentials().id)[0].followed_by
assert a.search_v2("bob", result_type="accounts").accounts
events = []
class L(StreamListener):
    def on_update(self, st): events.append(("update", st.id))
    def on_notification(self, n): events.append(("notification", n.type))
h = a.stream_user(L(), run_async=True)
time.sleep(1)
b.status_post("@alice ping")
deadline = time.time() + 5
while time.time() < deadline and ("notification", "mention") not in events:
    time.sleep(0.1)
assert ("notification", "mention") in events, events
assert a.stream_healthy()
h.close()
a.revoke_access_token()
try:
    a.account_verify_credentials()
    raise SystemExit("the revoked token still worked")
except Exception as e:
    assert "Unauthorized" in type(e).__name__ or "401" in str(e), repr(e)
print("done")
'''


@pytest.fixture
def vmst_open():
    """Registrations open: the Mastodon.py session signs bob up through the API."""
    with VmstInstance(settings={"instance": {"registrations": "open"}}) as instance:
        instance.start()
        yield instance


def test_mastodon_py_runs_a_whole_session_including_sse_streaming(vmst_open):
    vmst = vmst_open
    alice = make_user(vmst, "alice")
    png = os.path.join(vmst.dir, "tiny.png")
    with open(png, "wb") as f:
        f.write(tiny_png())
    result = subprocess.run(["/usr/bin/python3", "-c", MASTODON_PY_SESSION, vmst.base_url, alice.email,
                             alice.password, png], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr + vmst.log()[-3000:]
    assert result.stdout.strip().endswith("done")


def test_masto_js_runs_a_whole_session_including_websocket_streaming(vmst):
    alice = make_user(vmst, "alice")
    bob = make_user(vmst, "bob")
    png = os.path.join(vmst.dir, "tiny.png")
    with open(png, "wb") as f:
        f.write(tiny_png())
    env = dict(os.environ, VMST_URL=vmst.base_url, VMST_EMAIL=alice.email, VMST_PASSWORD=alice.password,
               VMST_BOB_TOKEN=bob.token, VMST_PNG=png)
    result = subprocess.run(["node", "--experimental-websocket", "session.mjs"], cwd=MASTO_DIR, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr + vmst.log()[-3000:]
    assert '"step":"done"' in result.stdout
