"""Client-API calls for integration tests, and the one place that makes users with tokens.

Until the OAuth endpoints land, make_user writes an access token straight into the database (the server keeps only
its SHA-256); switching to the password grant later changes this file only.
"""
import hashlib
import json as jsonlib
import os
import random
import re
import secrets
import sqlite3
import time
import urllib.parse

SCOPES = "read write follow push"


def db_path(vmst):
    return os.path.join(vmst.data_dir, "vmst.db")


def sql(vmst, statement, *args):
    """Runs one statement on the instance's database (next to the running server) and returns its rows."""
    db = sqlite3.connect(db_path(vmst), timeout=10)
    try:
        rows = db.execute(statement, args).fetchall()
        db.commit()
        return rows
    finally:
        db.close()


def new_id():
    # The server's id scheme ((unix_ms << 16) | sequence) with a random sequence, so ids sort with the server's.
    return (int(time.time() * 1000) << 16) | random.randrange(1 << 16)


def make_user(vmst, username, scopes=SCOPES):
    """Creates the local account with the CLI and returns a bearer token of that user with `scopes`."""
    vmst.cli("account", "create", username, "--email", f"{username}@example.org")
    token = secrets.token_urlsafe(32)
    (user_id,) = sql(vmst, "SELECT u.id FROM users u JOIN accounts a ON a.id = u.account_id "
                           "WHERE a.username = ? AND a.domain IS NULL", username)[0]
    sql(vmst, "INSERT INTO oauth_access_tokens (id, application_id, user_id, token_hash, scopes, created_at) "
              "VALUES (?, NULL, ?, ?, ?, ?)",
        new_id(), user_id, hashlib.sha256(token.encode()).hexdigest(), scopes, int(time.time() * 1000))
    return token


def follow(vmst, follower, target):
    """Makes `follower` follow `target` (both local usernames) by writing the row the follow endpoint would write."""
    sql(vmst, "INSERT OR IGNORE INTO follows (id, account_id, target_account_id, created_at) "
              "SELECT ?, a.id, b.id, 0 FROM accounts a, accounts b "
              "WHERE a.username = ? AND b.username = ? AND a.domain IS NULL AND b.domain IS NULL",
        new_id(), follower, target)


def account_id(vmst, username):
    """The id (a decimal string, as the API shows it) of a local account."""
    return str(sql(vmst, "SELECT id FROM accounts WHERE username = ? AND domain IS NULL", username)[0][0])


def api(vmst, method, path, token=None, json=None, form=None, headers=None):
    """One client-API request; json= sends a JSON body, form= a form (lists become repeated keys)."""
    headers = dict(headers or {})
    body = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if json is not None:
        body = jsonlib.dumps(json)
        headers["Content-Type"] = "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return vmst.request(method, path, body=body, headers=headers)


def links(response):
    """{rel: "path?query"} from the Link header, with the base URL cut off as clients do."""
    out = {}
    for url, rel in re.findall(r'<([^>]+)>;\s*rel="([^"]+)"', response.headers.get("link", "")):
        parsed = urllib.parse.urlsplit(url)
        out[rel] = parsed.path + ("?" + parsed.query if parsed.query else "")
    return out


def walk_pages(vmst, path, token=None, max_pages=100):
    """Follows rel="next" from path to the end; returns every page's items. Fails if paging loops."""
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


def post_status(vmst, token, text, **fields):
    """POST /api/v1/statuses; returns the response (fields: visibility, in_reply_to_id, spoiler_text, ...)."""
    return api(vmst, "POST", "/api/v1/statuses", token, json={"status": text, **fields})
