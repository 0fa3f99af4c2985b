"""Runs the Fedify test peer (fedify_peer/server.mjs) for integration tests: a real, independent ActivityPub server
on a free loopback port, driven through its JSON control API.

    with FedifyPeer("127.0.0.2") as peer:
        peer.start()
        alice = peer.create_actor("alice")
        peer.follow("alice", vmst_actor_url)
        peer.wait_for("Accept")

Several peers (and VmstInstances) on different 127.0.0.x addresses make a federation test network. Only the
Python standard library is used. Control calls that send something return after every delivery finished, with
each inbox's HTTP status in result["deliveries"].
"""
import fcntl
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse

from harness import free_port

PEER_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fedify_peer")
SERVER = os.path.join(PEER_DIR, "server.mjs")


class FedifyPeerError(AssertionError):
    """A control call answered with an error status."""

    def __init__(self, method, path, status, body):
        super().__init__(f"fedify peer {method} {path} answered {status}: {body}")
        self.status = status
        self.body = body


def node_binary():
    node = os.environ.get("FEDIFY_PEER_NODE") or shutil.which("node")
    if node is None:
        raise AssertionError("node is not installed: packaging/test.sh installs it (Debian package nodejs)")
    return node


def ensure_node_modules():
    """Runs `npm ci` when node_modules is missing or older than package-lock.json (as packaging/test.sh does), so
    the peer also works when pytest is run by hand in a fresh clone. A file lock keeps parallel test files from
    installing at the same time."""
    lock_file = os.path.join(PEER_DIR, "package-lock.json")
    modules = os.path.join(PEER_DIR, "node_modules")
    marker = os.path.join(modules, ".package-lock.json")

    def fresh():
        return os.path.exists(marker) and os.path.getmtime(marker) >= os.path.getmtime(lock_file)

    if fresh():
        return
    with open(os.path.join(tempfile.gettempdir(), "vmst-fedify-peer-npm.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if fresh():
            return
        npm = shutil.which("npm")
        if npm is None:
            raise AssertionError("npm is not installed: packaging/test.sh installs it (Debian package npm)")
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=PEER_DIR, capture_output=True,
                                text=True, timeout=600)
        if result.returncode != 0:
            raise AssertionError(f"npm ci in {PEER_DIR} failed:\n{result.stdout}\n{result.stderr}")


class FedifyPeer:
    """One Fedify peer process. Use as a context manager or call start/close."""

    def __init__(self, host="127.0.0.1", name="peer", log_level="info", env=None):
        self.host = host
        self.name = name
        self.port = free_port(host)
        self.domain = f"{host}:{self.port}"
        self.dir = tempfile.mkdtemp(prefix="vmst-fedify-peer-")
        self.log_path = os.path.join(self.dir, "peer.log")
        self.log_level = log_level
        self.env = dict(os.environ, **(env or {}))
        self.process = None
        self._log = None

    @property
    def base_url(self):
        return f"http://{self.domain}"

    def actor_url(self, username):
        return f"{self.base_url}/users/{username}"

    def handle(self, username):
        return f"{username}@{self.domain}"

    @property
    def shared_inbox(self):
        return f"{self.base_url}/inbox"

    # --- the process ---------------------------------------------------------------------------------------
    def start(self, timeout=30):
        """Starts the process and waits until it answers. To start several peers side by side, call launch() on
        each and then wait_until_ready() on each."""
        self.launch()
        return self.wait_until_ready(timeout)

    def launch(self):
        ensure_node_modules()
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [node_binary(), SERVER, "--host", self.host, "--port", str(self.port), "--name", self.name,
             "--log-level", self.log_level],
            cwd=PEER_DIR, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def wait_until_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"fedify peer exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.health().get("ok"):
                    return self
            except (OSError, FedifyPeerError):
                pass
            time.sleep(0.05)
        raise AssertionError(f"fedify peer did not answer within {timeout} s:\n{self.log()}")

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Sends sig and waits. Returns the exit code."""
        if self.process is None:
            return None
        self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.process = None
        self._log.close()
        return code

    def log(self):
        try:
            with open(self.log_path) as f:
                return f.read()
        except OSError:
            return ""

    def close(self):
        if self.process is not None:
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- HTTP ----------------------------------------------------------------------------------------------
    def request(self, method, path, body=None, headers=None, timeout=30):
        """A plain HTTP request to the peer (any path, e.g. an actor document). Returns harness.Response."""
        from harness import Response
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8", "replace"))
        finally:
            conn.close()

    def call(self, method, path, body=None, timeout=60):
        """One control call: JSON in, JSON out. Raises FedifyPeerError on a non-2xx answer."""
        data = None if body is None else json.dumps(body)
        headers = {} if body is None else {"Content-Type": "application/json"}
        r = self.request(method, "/_control/" + path, data, headers, timeout)
        if r.status // 100 != 2:
            raise FedifyPeerError(method, path, r.status, r.body)
        return r.json()

    # --- control calls -------------------------------------------------------------------------------------
    def health(self):
        return self.call("GET", "health", timeout=2)

    def create_actor(self, username, name=None, summary=None, locked=False, aliases=None, icon=None, image=None):
        """Creates a Person with RSA-2048 (#main-key) and Ed25519 (#key-2) keys. icon (avatar) and image (header):
        {"url": ..., "media_type": ...}, e.g. a file served by put_file. Returns its info."""
        body = {"username": username, "locked": locked}
        if name is not None:
            body["name"] = name
        if summary is not None:
            body["summary"] = summary
        if aliases is not None:
            body["aliases"] = aliases
        for key, value in (("icon", icon), ("image", image)):
            if value is not None:
                body[key] = value
        return self.call("POST", "actors", body)

    def actor(self, username):
        """Info about a local actor: id, inbox, key ids, PEM, followers, following (with state), blocks."""
        return self.call("GET", "actors/" + urllib.parse.quote(username))

    def update_actor(self, actor, **fields):
        """Changes name/summary/aliases/locked and sends Update(Person) to the followers."""
        return self.call("POST", "actors/update", {"actor": actor, **fields})

    def follow(self, actor, target, wait=5):
        """Sends Follow and waits up to `wait` seconds for Accept/Reject. result["state"] is accepted, pending or
        rejected."""
        return self.call("POST", "follow", {"actor": actor, "target": target, "wait": wait})

    def unfollow(self, actor, target):
        return self.call("POST", "unfollow", {"actor": actor, "target": target})

    def accept_follow_request(self, actor, follower):
        return self.call("POST", "follow-requests/accept", {"actor": actor, "follower": follower})

    def reject_follow_request(self, actor, follower):
        """Rejects a pending request, or removes an existing follower (Reject of the Follow, as Mastodon does)."""
        return self.call("POST", "follow-requests/reject", {"actor": actor, "follower": follower})

    def create_note(self, actor, content="<p>Hello from Fedify</p>", visibility="public", mentions=None, to=None,
                    cc=None, in_reply_to=None, sensitive=False, summary=None, hashtags=None, deliver_to=None):
        """Sends Create(Note). visibility: public, unlisted, followers or direct; mentions: actor URLs (tagged and
        delivered to); to/cc: explicit addressing (URLs, or "public"/"followers"); deliver_to: more actor URLs to
        deliver to without tagging. result["id"] is the note id."""
        body = {"actor": actor, "content": content, "visibility": visibility, "sensitive": sensitive}
        for key, value in (("mentions", mentions), ("to", to), ("cc", cc), ("in_reply_to", in_reply_to),
                           ("summary", summary), ("hashtags", hashtags), ("deliver_to", deliver_to)):
            if value is not None:
                body[key] = value
        return self.call("POST", "notes", body)

    def update_note(self, actor, note, **fields):
        """Edits a sent note (content, summary, sensitive) and sends Update(Note) to its audience."""
        return self.call("POST", "notes/update", {"actor": actor, "note": note, **fields})

    def delete_note(self, actor, note):
        """Sends Delete(Tombstone); the note's URL then answers 410."""
        return self.call("POST", "notes/delete", {"actor": actor, "note": note})

    def like(self, actor, object_url, deliver_to=None):
        body = {"actor": actor, "object": object_url}
        if deliver_to is not None:
            body["deliver_to"] = deliver_to
        return self.call("POST", "like", body)

    def unlike(self, actor, object_url):
        return self.call("POST", "unlike", {"actor": actor, "object": object_url})

    def announce(self, actor, object_url, deliver_to=None):
        body = {"actor": actor, "object": object_url}
        if deliver_to is not None:
            body["deliver_to"] = deliver_to
        return self.call("POST", "announce", body)

    def unannounce(self, actor, object_url):
        return self.call("POST", "unannounce", {"actor": actor, "object": object_url})

    def block(self, actor, target):
        return self.call("POST", "block", {"actor": actor, "target": target})

    def unblock(self, actor, target):
        return self.call("POST", "unblock", {"actor": actor, "target": target})

    def move(self, actor, target):
        """Sends Move(actor -> target actor URL) to the actor's followers (Mastodon's shape: object = actor)."""
        return self.call("POST", "move", {"actor": actor, "target": target})

    def delete_actor(self, actor, deliver_to=None):
        """The actor deletes itself: Delete(object = actor) goes to its followers (and deliver_to actor URLs), and its
        actor URL (and everything under it) answers 410 Gone from then on."""
        return self.call("POST", "actors/delete", {"actor": actor, "deliver_to": deliver_to})

    def send_raw(self, inbox, activity, actor=None, signature="cavage", date=None, date_offset_seconds=None,
                 key_id=None, headers=None):
        """POSTs the exact activity JSON (dict or string) to inbox, bypassing Fedify's sendActivity.
        signature: cavage (rsa-sha256 over (request-target) host date digest, as Mastodon), fedify (Fedify's
        signRequest), none, bad_signature, wrong_key, old_date (24 h ago), future_date (24 h ahead),
        digest_mismatch, no_digest. Returns {status, ok, body, request_headers, request_body}."""
        body = {"inbox": inbox, "activity": activity, "signature": signature}
        for key, value in (("actor", actor), ("date", date), ("date_offset_seconds", date_offset_seconds),
                           ("key_id", key_id), ("headers", headers)):
            if value is not None:
                body[key] = value
        return self.call("POST", "send", body)

    def received(self, type=None, actor=None, recipient=None, object_type=None, since=None):
        """Activities that passed Fedify's verification and reached a listener, oldest first."""
        query = {k: v for k, v in (("type", type), ("actor", actor), ("recipient", recipient),
                                   ("object_type", object_type), ("since", since)) if v is not None}
        path = "received" + ("?" + urllib.parse.urlencode(query) if query else "")
        return self.call("GET", path)["activities"]

    def clear_received(self):
        """Empties the received list, the inbox log and the outbound log."""
        return self.call("POST", "received/clear", {})

    def put_file(self, path, data, content_type):
        """Serves `data` (bytes) at path (under /files/) with that Content-Type. Returns the file's URL."""
        import base64
        body = {"path": path, "content_type": content_type, "base64": base64.b64encode(data).decode("ascii")}
        return self.call("POST", "files", body)["url"]

    def file_requests(self, path=None):
        """Every GET or HEAD of a path under /files/ (served or not), oldest first; only those of `path` if given."""
        requests = self.call("GET", "file-requests")["requests"]
        return [r for r in requests if path is None or r["path"] == path]

    def inbox_log(self):
        """Every POST to an inbox with the status the peer answered, rejected ones included."""
        return self.call("GET", "inbox-log")["requests"]

    def outbound_log(self):
        """Every request the peer made (document fetches and deliveries) with the status it got."""
        return self.call("GET", "outbound-log")

    def settle(self):
        """Waits until background work (Accept replies, Move handling) has finished."""
        return self.call("POST", "settle", {})

    def resolve_actor(self, url, as_actor=None):
        """Fetches url with Fedify (signed as as_actor if given) and returns what Fedify parsed, plus "raw"."""
        body = {"url": url}
        if as_actor is not None:
            body["as"] = as_actor
        return self.call("POST", "resolve", body)

    resolve = resolve_actor

    def webfinger(self, resource):
        """Looks up acct:user@host:port (or user@host:port) over http. Returns {jrd, self, status, ...}."""
        return self.call("POST", "webfinger", {"resource": resource})

    def wait_for(self, type=None, predicate=None, timeout=10, count=1, **filters):
        """Polls received() until `count` activities of `type` match predicate. Returns the matches."""
        deadline = time.monotonic() + timeout
        while True:
            matches = [a for a in self.received(type=type, **filters) if predicate is None or predicate(a)]
            if len(matches) >= count:
                return matches
            if time.monotonic() >= deadline:
                raise AssertionError(f"{self.name} did not receive {count} {type or 'activity'} within {timeout} s; "
                                     f"inbox log: {json.dumps(self.inbox_log())[:4000]}")
            time.sleep(0.05)
