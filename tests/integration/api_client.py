"""Client-API helpers for integration tests: users with tokens, and one small request wrapper.

Tokens are written straight into the database (SHA-256 of the token in oauth_access_tokens) until the OAuth
endpoints are on main; then make_user switches to the password grant here, in one place.

    token = make_user(vmst, "alice")
    r = api(vmst, "GET", "/api/v1/accounts/verify_credentials", token)
    assert r.status == 200 and r.json()["acct"] == "alice"
"""
import hashlib
import json as jsonlib
import os
import secrets
import sqlite3
import time
import urllib.parse
import uuid

DEFAULT_SCOPES = "read write follow push"


def db_path(vmst):
    return os.path.join(vmst.data_dir, "vmst.db")


def sql(vmst, statement, *args):
    """Runs one statement on the instance's database (committed) and returns its rows."""
    db = sqlite3.connect(db_path(vmst), timeout=10)
    try:
        rows = db.execute(statement, args).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def _unique_id():
    # Shaped like vmst's ids ((ms << 16) | n), so they sort with real ones.
    return (int(time.time() * 1000) << 16) | secrets.randbelow(1 << 16)


def _insert_token(vmst, user_id, scopes):
    token = secrets.token_urlsafe(32)
    sql(vmst, "INSERT INTO oauth_access_tokens (id, application_id, user_id, token_hash, scopes, created_at)"
              " VALUES (?, NULL, ?, ?, ?, ?)",
        _unique_id(), user_id, hashlib.sha256(token.encode()).hexdigest(), scopes, int(time.time() * 1000))
    return token


def make_user(vmst, username, scopes=DEFAULT_SCOPES):
    """Creates a local account with the CLI and returns a bearer token for it."""
    vmst.cli("account", "create", username, "--email", f"{username}@example.org")
    return user_token(vmst, username, scopes)


def user_token(vmst, username, scopes=DEFAULT_SCOPES):
    """Another token for an existing local user, e.g. with narrower scopes."""
    rows = sql(vmst, "SELECT u.id FROM users u JOIN accounts a ON a.id = u.account_id WHERE lower(a.username) = lower(?)",
               username)
    assert rows, f"no local user {username}"
    return _insert_token(vmst, rows[0][0], scopes)


def app_token(vmst, scopes="read"):
    """A token without a user (client_credentials)."""
    return _insert_token(vmst, None, scopes)


def account_id(vmst, username, domain=None):
    if domain is None:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain IS NULL", username)
    else:
        rows = sql(vmst, "SELECT id FROM accounts WHERE lower(username) = lower(?) AND domain = ?", username, domain)
    assert rows, f"no account {username}@{domain}"
    return str(rows[0][0])


def api(vmst, method, path, token=None, json=None, form=None, query=None, files=None, headers=None):
    """One client-API request. json: a JSON body; form: form-urlencoded fields (a dict, or a list of pairs for
    repeated keys such as id[]); files: {"name": (filename, content_type, bytes)} sent multipart with `form` as
    fields. Returns harness.Response (status, headers, body, json())."""
    hdrs = dict(headers or {})
    if token:
        hdrs["Authorization"] = f"Bearer {token}"
    body = None
    if query:
        path += ("&" if "?" in path else "?") + urllib.parse.urlencode(query, doseq=True)
    if files is not None:
        boundary = uuid.uuid4().hex
        body = _multipart(boundary, form or {}, files)
        hdrs["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    elif json is not None:
        body = jsonlib.dumps(json)
        hdrs["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    return vmst.request(method, path, body=body, headers=hdrs)


def _multipart(boundary, fields, files):
    out = b""
    items = fields.items() if isinstance(fields, dict) else fields
    for name, value in items:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    for name, (filename, content_type, content) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n").encode() + content + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def seed_status(vmst, username, text, visibility="public", in_reply_to=None, index=True):
    """Inserts a local status row directly (until POST /api/v1/statuses is on main) and, with index, its text in
    the full-text index. Returns its id as a string."""
    author = account_id(vmst, username)
    status_id = _unique_id()
    now = int(time.time() * 1000)
    base = vmst.base_url
    reply_account = None
    if in_reply_to is not None:
        reply_account = sql(vmst, "SELECT account_id FROM statuses WHERE id = ?", int(in_reply_to))[0][0]
    sql(vmst, "INSERT INTO statuses (id, uri, url, account_id, local, in_reply_to_id, in_reply_to_account_id,"
              " visibility, text, content, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
        status_id, f"{base}/users/{username}/statuses/{status_id}", f"{base}/@{username}/{status_id}", int(author),
        None if in_reply_to is None else int(in_reply_to), reply_account, visibility, text, f"<p>{text}</p>", now, now)
    sql(vmst, "INSERT INTO status_stats (status_id) VALUES (?)", status_id)
    sql(vmst, "UPDATE account_stats SET statuses_count = statuses_count + 1, last_status_at = ? WHERE account_id = ?",
        now, int(author))
    if index:
        sql(vmst, "INSERT INTO statuses_fts (rowid, plain_text) VALUES (?, ?)", status_id, text)
    return str(status_id)


def next_link(response):
    """The URL path+query of rel="next" in the Link header, or None."""
    link = response.headers.get("link", "")
    for part in link.split(","):
        part = part.strip()
        if part.endswith('rel="next"'):
            url = part[part.index("<") + 1:part.index(">")]
            parsed = urllib.parse.urlsplit(url)
            return parsed.path + ("?" + parsed.query if parsed.query else "")
    return None
