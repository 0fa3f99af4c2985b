"""Client-API helpers for integration tests: users with tokens, and JSON requests.

make_user creates the account with the real CLI. Its token is minted by writing the hash into the database until
the OAuth password grant is on main; switch `token_for` to POST /oauth/token then, and every test follows.
"""
import hashlib
import json
import os
import secrets
import sqlite3
import time
import urllib.parse
import uuid

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


def api(vmst, method, path, token=None, json_body=None, form=None, headers=None, query=None, files=None):
    """Returns a harness Response; .json() parses the body. form: a dict, or a list of pairs for repeated keys
    (id[]); files: {"name": (filename, content_type, bytes)}, sent multipart with `form` as its other fields."""
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    body = None
    if files is not None:
        boundary = uuid.uuid4().hex
        body = _multipart(boundary, form or {}, files)
        h["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif json_body is not None:
        body = json.dumps(json_body)
        h["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        h["Content-Type"] = "application/x-www-form-urlencoded"
    if query:
        path = path + ("&" if "?" in path else "?") + urllib.parse.urlencode(query, doseq=True)
    return vmst.request(method, path, body=body, headers=h)


def _multipart(boundary, fields, files):
    out = b""
    items = fields.items() if isinstance(fields, dict) else fields
    for name, value in items:
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
    for name, (filename, content_type, content) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + content + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def next_link(response):
    """Path and query of the Link header's rel="next", or None."""
    for part in response.headers.get("link", "").split(","):
        part = part.strip()
        if part.endswith('rel="next"'):
            parsed = urllib.parse.urlsplit(part[part.index("<") + 1:part.index(">")])
            return parsed.path + ("?" + parsed.query if parsed.query else "")
    return None


def sql(vmst, statement, *args):
    """Runs one statement on the instance's database (committed) and returns its rows."""
    with _db(vmst) as db:
        return db.execute(statement, args).fetchall()


def account_id(vmst, username, domain=None):
    """An account's id as the API writes it."""
    if domain is None:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain IS NULL", username)
    else:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain = ?", username, domain)
    assert rows, f"no account {username}@{domain}"
    return str(rows[0][0])


def user_token(vmst, username, scopes=ALL_SCOPES):
    """Another token for an existing local user, e.g. with narrower scopes."""
    return token_for(vmst, int(account_id(vmst, username)), scopes)


def app_token(vmst, scopes="read"):
    """A token without a user, as client_credentials grants."""
    token = secrets.token_urlsafe(32)
    with _db(vmst) as db:
        db.execute("INSERT INTO oauth_access_tokens (id, user_id, token_hash, scopes, created_at) VALUES (?, NULL, ?, ?, ?)",
                   (secrets.randbits(62), hashlib.sha256(token.encode()).hexdigest(), scopes, 0))
    return token


def seed_status(vmst, username, text, visibility="public", in_reply_to=None, index=True):
    """A local status written straight into the database (with its full-text index row): for tests that need
    statuses of every visibility or shape without going through posting. Returns its id as a string."""
    author = int(account_id(vmst, username))
    now = int(time.time() * 1000)
    status_id = (now << 16) | secrets.randbelow(1 << 16)
    base = vmst.base_url
    reply_account = None
    if in_reply_to is not None:
        reply_account = sql(vmst, "SELECT account_id FROM statuses WHERE id = ?", int(in_reply_to))[0][0]
    sql(vmst, "INSERT INTO statuses (id, uri, url, account_id, local, in_reply_to_id, in_reply_to_account_id,"
              " visibility, text, content, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
        status_id, f"{base}/users/{username}/statuses/{status_id}", f"{base}/@{username}/{status_id}", author,
        None if in_reply_to is None else int(in_reply_to), reply_account, visibility, text, f"<p>{text}</p>", now, now)
    sql(vmst, "INSERT INTO status_stats (status_id) VALUES (?)", status_id)
    sql(vmst, "UPDATE account_stats SET statuses_count = statuses_count + 1, last_status_at = ? WHERE account_id = ?",
        now, author)
    if index:
        sql(vmst, "INSERT INTO statuses_fts (rowid, plain_text) VALUES (?, ?)", status_id, text)
    return str(status_id)


def tiny_png(width=2, height=1):
    """A valid PNG of the given size (solid red), built here so no binary asset is needed."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
