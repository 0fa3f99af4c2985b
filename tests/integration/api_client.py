"""Client-API helpers for integration tests: users with tokens, and JSON requests.

make_user creates the account with the real CLI. Its token is minted by writing the hash into the database until
the OAuth password grant is on main; switch `token_for` to POST /oauth/token then, and every test follows.
"""
import hashlib
import json
import os
import secrets
import sqlite3
import urllib.parse

ALL_SCOPES = "read write follow push"


class User:
    def __init__(self, username, account_id, token, password, email):
        self.username = username
        self.account_id = account_id
        self.id = str(account_id)
        self.token = token
        self.password = password
        self.email = email


def _db(vmst):
    return sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"), timeout=10)


def token_for(vmst, account_id, scopes=ALL_SCOPES):
    token = secrets.token_urlsafe(32)
    with _db(vmst) as db:
        user_id = db.execute("SELECT id FROM users WHERE account_id = ?", (account_id,)).fetchone()[0]
        db.execute(
            "INSERT INTO oauth_access_tokens (id, user_id, token_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
            (secrets.randbits(62), user_id, hashlib.sha256(token.encode()).hexdigest(), scopes, 0))
    return token


def make_user(vmst, username, scopes=ALL_SCOPES):
    email = f"{username}@example.test"
    password = secrets.token_urlsafe(16)
    vmst.cli("account", "create", username, "--email", email, "--password-stdin", input=password + "\n")
    with _db(vmst) as db:
        account_id = db.execute("SELECT id FROM accounts WHERE username = ? AND domain IS NULL",
                                (username,)).fetchone()[0]
    return User(username, account_id, token_for(vmst, account_id, scopes), password, email)


def api(vmst, method, path, token=None, json_body=None, form=None, headers=None, query=None):
    """Returns a harness Response; .json() parses the body."""
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    body = None
    if json_body is not None:
        body = json.dumps(json_body)
        h["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        h["Content-Type"] = "application/x-www-form-urlencoded"
    if query:
        path = path + "?" + urllib.parse.urlencode(query, doseq=True)
    return vmst.request(method, path, body=body, headers=h)


def tiny_png(width=2, height=1):
    """A valid PNG of the given size (solid red), built here so no binary asset is needed."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def sql(vmst, statement, *args):
    """Runs one statement on the instance's database (next to the running server) and returns its rows."""
    with _db(vmst) as db:
        return db.execute(statement, args).fetchall()


def new_id():
    """An id in the server's scheme ((unix_ms << 16) | sequence), so rows written here sort with the server's."""
    import random
    import time
    return (int(time.time() * 1000) << 16) | random.randrange(1 << 16)


def follow(vmst, follower, target):
    """Makes local account `follower` follow `target` (usernames) by writing the row the follow endpoint writes."""
    sql(vmst, "INSERT OR IGNORE INTO follows (id, account_id, target_account_id, created_at) "
              "SELECT ?, a.id, b.id, 0 FROM accounts a, accounts b "
              "WHERE a.username = ? AND b.username = ? AND a.domain IS NULL AND b.domain IS NULL",
        new_id(), follower, target)


def post_status(vmst, token, text, **fields):
    """POST /api/v1/statuses as JSON; fields: visibility, in_reply_to_id, spoiler_text, ..."""
    return api(vmst, "POST", "/api/v1/statuses", token, json_body={"status": text, **fields})


def links(response):
    """{rel: "path?query"} from the Link header, the base URL cut off as clients do."""
    import re
    out = {}
    for url, rel in re.findall(r'<([^>]+)>;\s*rel="([^"]+)"', response.headers.get("link", "")):
        parsed = urllib.parse.urlsplit(url)
        out[rel] = parsed.path + ("?" + parsed.query if parsed.query else "")
    return out


def walk_pages(vmst, path, token=None, max_pages=100):
    """Follows rel="next" from path to the end and returns every page; fails if paging loops or does not end."""
    pages, seen = [], set()
    while path:
        assert path not in seen, f"paging came back to {path}"
        assert len(pages) < max_pages, "paging did not end"
        seen.add(path)
        r = api(vmst, "GET", path, token)
        assert r.status == 200, (r.status, r.body)
        pages.append(r.json())
        path = links(r).get("next")
    return pages


def account_id(vmst, username):
    """The id of a local account as the API writes it (a decimal string)."""
    return str(sql(vmst, "SELECT id FROM accounts WHERE username = ? AND domain IS NULL", username)[0][0])
