"""Small HTTP helpers for the OAuth suites: forms, JSON, apps, users, and driving the authorize page like a browser."""
import base64
import hashlib
import html.parser
import json
import secrets
import urllib.parse

OOB = "urn:ietf:wg:oauth:2.0:oob"
PASSWORD = "correct horse battery"


def post_form(vmst, path, fields, headers=None):
    body = urllib.parse.urlencode(fields)
    return vmst.request("POST", path, body=body,
                        headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


def post_json(vmst, path, payload, headers=None):
    return vmst.request("POST", path, body=json.dumps(payload),
                        headers={"Content-Type": "application/json", **(headers or {})})


def get(vmst, path, token=None, headers=None):
    extra = {"Authorization": f"Bearer {token}"} if token else {}
    return vmst.request("GET", path, headers={**extra, **(headers or {})})


def create_user(vmst, username, password=PASSWORD, email=None):
    email = email or f"{username}@example.test"
    vmst.cli("account", "create", username, "--email", email, "--password-stdin", input=password + "\n")
    return email


def register_app(vmst, redirect_uris=OOB, scopes="read write follow push", name="Test client"):
    r = post_form(vmst, "/api/v1/apps", {"client_name": name, "redirect_uris": redirect_uris, "scopes": scopes})
    assert r.status == 200, r.body
    return r.json()


def client_token(vmst, app, scope="read write follow push"):
    r = post_form(vmst, "/oauth/token", {"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"], "scope": scope})
    assert r.status == 200, r.body
    return r.json()["access_token"]


def password_token(vmst, app, username, password=PASSWORD, scope="read write follow push"):
    return post_form(vmst, "/oauth/token", {"grant_type": "password", "client_id": app["client_id"],
                                            "client_secret": app["client_secret"], "username": username,
                                            "password": password, "scope": scope})


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


class _FormParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hidden = {}
        self.action = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.action = a.get("action")
        if tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")


def parse_form(page_html):
    """The hidden fields and action of the (first) form on a page."""
    parser = _FormParser()
    parser.feed(page_html)
    return parser.hidden, parser.action


def csrf_cookie(response):
    """The vmst_csrf cookie a response set, as a Cookie header value."""
    set_cookie = response.headers.get("set-cookie", "")
    pair = set_cookie.split(";")[0]
    assert pair.startswith("vmst_csrf="), set_cookie
    return pair


def authorize_query(app, redirect_uri, scope="read write", state="st4te", **extra):
    params = {"client_id": app["client_id"], "redirect_uri": redirect_uri, "response_type": "code", "scope": scope,
              "state": state, **extra}
    return "/oauth/authorize?" + urllib.parse.urlencode(params)


def sign_in_and_authorize(vmst, app, redirect_uri, login, password=PASSWORD, decision="approve", **extra):
    """GET the authorize page, then post the form back as a browser would. Returns the POST's response."""
    page = vmst.request("GET", authorize_query(app, redirect_uri, **extra))
    assert page.status == 200, page.body
    fields, action = parse_form(page.body)
    assert action == "/oauth/authorize"
    fields.update({"login": login, "password": password, "decision": decision})
    return post_form(vmst, "/oauth/authorize", fields, headers={"Cookie": csrf_cookie(page)})


def query_of(location):
    parsed = urllib.parse.urlsplit(location)
    return {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}
