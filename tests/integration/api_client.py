"""Client-API helpers for integration tests: users with tokens, and requests in every encoding clients use.

make_user creates the account with the real CLI and signs in through OAuth (an app registered once per instance,
then the password grant, which the harness enables). token_for mints a token by writing its hash into the database,
for tests that need one without a password.
"""
import hashlib
import http.client
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


class ApiResponse:
    """Like the harness's Response (status, lower-case headers, text body, .json()), plus the raw bytes."""

    def __init__(self, status, headers, content):
        self.status = status
        self.headers = headers
        self.content = content
        self.body = content.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<ApiResponse {self.status} {self.body[:300]!r}>"


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


def _test_app(vmst):
    app = getattr(vmst, "_api_client_app", None)
    if app is None:
        r = api(vmst, "POST", "/api/v1/apps", form={"client_name": "vmst tests", "scopes": ALL_SCOPES,
                                                     "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"})
        assert r.status == 200, r.body
        app = vmst._api_client_app = r.json()
    return app


def password_grant_token(vmst, login, password, scopes=ALL_SCOPES):
    app = _test_app(vmst)
    r = api(vmst, "POST", "/oauth/token", form={"grant_type": "password", "username": login, "password": password,
                                                 "scope": scopes, "client_id": app["client_id"],
                                                 "client_secret": app["client_secret"]})
    assert r.status == 200, r.body
    return r.json()["access_token"]


def make_user(vmst, username, scopes=ALL_SCOPES, admin=False):
    email = f"{username}@example.test"
    password = secrets.token_urlsafe(16)
    role = ["--admin"] if admin else []
    vmst.cli("account", "create", username, "--email", email, *role, "--password-stdin", input=password + "\n")
    with _db(vmst) as db:
        account_id = db.execute("SELECT id FROM accounts WHERE username = ? AND domain IS NULL",
                                (username,)).fetchone()[0]
    return User(username, account_id, password_grant_token(vmst, email, password, scopes), password, email)


def multipart(fields=None, files=None):
    """(body, content type) for multipart/form-data. files: {name: (filename, bytes, content type)}."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (fields.items() if isinstance(fields, dict) else fields or []):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + str(value).encode() + b"\r\n")
    for name, (filename, content, content_type) in (files or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def api(vmst, method, path, token=None, json_body=None, form=None, headers=None, query=None, files=None, timeout=30):
    """One request. json_body: a JSON body; form: url-encoded fields, a dict or a list of pairs for repeated keys
    (id[]) (with files: the multipart fields);
    files: {name: (filename, bytes, content type)}, sent as multipart/form-data."""
    h = dict(headers or {})
    if token:
        h["Authorization"] = f"Bearer {token}"
    body = None
    if files is not None:
        body, h["Content-Type"] = multipart(form, files)
    elif json_body is not None:
        body = json.dumps(json_body).encode()
        h["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form, doseq=True).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    if query:
        path = path + ("&" if "?" in path else "?") + urllib.parse.urlencode(query, doseq=True)
    conn = http.client.HTTPConnection(vmst.host, vmst.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        return ApiResponse(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()


def json_response(r, status=200):
    """The JSON of a response that must have `status` and be served as JSON."""
    assert r.status == status, r
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    return r.json()


def next_link(response):
    """Path and query of the Link header's rel="next", or None."""
    for part in response.headers.get("link", "").split(","):
        part = part.strip()
        if part.endswith('rel="next"'):
            parsed = urllib.parse.urlsplit(part[part.index("<") + 1:part.index(">")])
            return parsed.path + ("?" + parsed.query if parsed.query else "")
    return None


def sql(vmst, statement, *args):
    """Runs one statement on the instance's database, next to the running server, and returns its rows (committed)."""
    db = _db(vmst)
    try:
        with db:
            return db.execute(statement, args).fetchall()
    finally:
        db.close()


def account_id(vmst, username, domain=None):
    """An account's id as the API writes it."""
    if domain is None:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain IS NULL", username)
    else:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain = ?", username, domain)
    assert rows, f"no account {username}@{domain}"
    return str(rows[0][0])


def resolve_account(vmst, token, handle):
    """The id here of a remote account, looked up by its handle with search's resolve=true (which fetches it)."""
    r = api(vmst, "GET", "/api/v2/search", token, query={"q": f"@{handle}", "type": "accounts", "resolve": "true"})
    assert r.status == 200, r.body
    accounts = r.json()["accounts"]
    assert accounts and accounts[0]["acct"] == handle, (r.body, vmst.log()[-3000:])
    return accounts[0]["id"]


def relationship(vmst, token, target):
    """The token's user's relationship to the account with id `target`."""
    return api(vmst, "GET", "/api/v1/accounts/relationships", token, query={"id[]": target}).json()[0]


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


def tiny_png(width=2, height=1, rgb=(255, 0, 0)):
    """A valid PNG of the given size in one colour, built here so no binary asset is needed."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


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

