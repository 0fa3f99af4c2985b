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
