"""Talking to vmst's client API from tests: users with tokens, and one request helper.

make_user() is the one place that gets a token. Until the OAuth endpoints are on main it writes the token row
straight into the database (only its SHA-256 is stored, as the server keeps it); switch it to the password grant
(POST /api/v1/apps + POST /oauth/token) here and every test follows.
"""
import hashlib
import http.client
import json as jsonlib
import os
import secrets
import sqlite3
import time
import uuid

DEFAULT_SCOPES = "read write follow push"


class ApiResponse:
    def __init__(self, status, headers, content):
        self.status = status
        self.headers = headers  # lower-case names
        self.content = content  # bytes

    @property
    def text(self):
        return self.content.decode("utf-8", "replace")

    def json(self):
        return jsonlib.loads(self.content)

    def __repr__(self):
        return f"<ApiResponse {self.status} {self.text[:200]!r}>"


def make_user(vmst, username, admin=False, scopes=DEFAULT_SCOPES):
    """Creates a local account with the CLI and returns a bearer token for it."""
    args = ["account", "create", username, "--email", f"{username}@example.org"]
    if admin:
        args.append("--admin")
    vmst.cli(*args)
    token = secrets.token_urlsafe(32)
    db = sqlite3.connect(os.path.join(vmst.data_dir, "vmst.db"), timeout=10)
    try:
        with db:
            (user_id,) = db.execute(
                "SELECT u.id FROM users u JOIN accounts a ON a.id = u.account_id WHERE a.username = ?",
                (username,)).fetchone()
            token_id = (int(time.time() * 1000) << 16) | secrets.randbelow(1 << 15)
            db.execute("INSERT INTO oauth_access_tokens (id, user_id, token_hash, scopes, created_at)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (token_id, user_id, hashlib.sha256(token.encode()).hexdigest(), scopes,
                        int(time.time() * 1000)))
    finally:
        db.close()
    return token


def multipart(fields=None, files=None):
    """(body, content type) for a multipart/form-data request. files: {name: (filename, bytes, content type)}."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (fields or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + str(value).encode() + b"\r\n")
    for name, (filename, content, content_type) in (files or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def api(vmst, method, path, token=None, json=None, form=None, files=None, headers=None, timeout=30):
    """One request to the running server. json: a JSON body; form: url-encoded fields (or, with files, multipart
    fields); files: {name: (filename, bytes, content type)} sent as multipart/form-data."""
    from urllib.parse import urlencode
    sent = dict(headers or {})
    if token:
        sent["Authorization"] = f"Bearer {token}"
    body = None
    if files is not None:
        body, sent["Content-Type"] = multipart(form, files)
    elif json is not None:
        body = jsonlib.dumps(json).encode()
        sent["Content-Type"] = "application/json"
    elif form is not None:
        body = urlencode(form, doseq=True).encode()
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    conn = http.client.HTTPConnection(vmst.host, vmst.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=sent)
        r = conn.getresponse()
        return ApiResponse(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()
