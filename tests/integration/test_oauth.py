"""OAuth over real HTTP: app registration, the authorize page, the token and revoke endpoints, metadata, CORS."""
import re
import time
import urllib.parse

import pytest

from harness import VmstInstance
from oauth_helpers import (OOB, PASSWORD, authorize_query, create_user, csrf_cookie, get, parse_form, pkce_pair,
                           post_form, post_json, query_of, register_app, sign_in_and_authorize, client_token,
                           password_token)

INVALID_CLIENT = {
    "error": "invalid_client",
    "error_description": "Client authentication failed due to unknown client, no client authentication included, "
                         "or unsupported authentication method.",
}


# --- POST /api/v1/apps -------------------------------------------------------------------------------------------
def test_app_registration_returns_a_credential_application(vmst):
    r = post_json(vmst, "/api/v1/apps", {"client_name": "toot", "redirect_uris": OOB, "scopes": "read write follow",
                                          "website": "https://toot.example"})
    assert r.status == 200
    assert r.headers["content-type"] == "application/json; charset=utf-8"
    app = r.json()
    assert app["name"] == "toot"
    assert app["website"] == "https://toot.example"
    assert app["scopes"] == ["read", "write", "follow"]
    assert app["redirect_uri"] == OOB
    assert app["redirect_uris"] == [OOB]
    assert app["client_secret_expires_at"] == 0
    assert app["vapid_key"] == ""
    assert re.fullmatch(r"\d+", app["id"])
    assert len(app["client_id"]) >= 32 and len(app["client_secret"]) >= 32


def test_app_registration_takes_newline_lists_arrays_and_defaults(vmst):
    listed = post_form(vmst, "/api/v1/apps", {"client_name": "py", "redirect_uris": "https://a.example/cb\nmyapp:/cb"})
    assert listed.status == 200
    assert listed.json()["redirect_uris"] == ["https://a.example/cb", "myapp:/cb"]
    assert listed.json()["redirect_uri"] == "https://a.example/cb\nmyapp:/cb"
    assert listed.json()["scopes"] == ["read"]
    assert listed.json()["website"] is None

    array = post_json(vmst, "/api/v1/apps", {"client_name": "js", "redirect_uris": ["https://b.example/cb", OOB],
                                              "scopes": "read write push"})
    assert array.status == 200
    assert array.json()["redirect_uris"] == ["https://b.example/cb", OOB]

    brackets = vmst.request("POST", "/api/v1/apps", body="client_name=f&redirect_uris[]=x:/1&redirect_uris[]=x:/2",
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert brackets.json()["redirect_uris"] == ["x:/1", "x:/2"]


@pytest.mark.parametrize("fields, message", [
    ({"client_name": "x", "redirect_uris": OOB, "scopes": "read bogus"},
     "Validation failed: Scopes doesn't match configured on the server."),
    ({"client_name": "x", "redirect_uris": "javascript:alert(1)"},
     "Validation failed: Redirect URI is forbidden by the server."),
    ({"client_name": "x", "redirect_uris": "data:text/html,hi"},
     "Validation failed: Redirect URI is forbidden by the server."),
    ({"redirect_uris": OOB}, "Validation failed: Name can't be blank"),
    ({"client_name": "x"}, "Validation failed: Redirect URI can't be blank"),
])
def test_app_registration_refusals(vmst, fields, message):
    r = post_form(vmst, "/api/v1/apps", fields)
    assert r.status == 422
    assert r.json() == {"error": message}


def test_app_verify_credentials_with_app_and_user_tokens(vmst):
    create_user(vmst, "alice")
    app = register_app(vmst)
    for token in (client_token(vmst, app, "read"), password_token(vmst, app, "alice@example.test").json()["access_token"]):
        r = get(vmst, "/api/v1/apps/verify_credentials", token)
        assert r.status == 200, r.body
        body = r.json()
        assert body["name"] == "Test client"
        assert body["scopes"] == ["read", "write", "follow", "push"]
        assert body["redirect_uris"] == [OOB]
        assert "client_secret" not in body
    assert get(vmst, "/api/v1/apps/verify_credentials").status == 401
    bad = get(vmst, "/api/v1/apps/verify_credentials", "not-a-token")
    assert bad.status == 401
    assert bad.json() == {"error": "The access token is invalid"}


# --- authorization code + PKCE -------------------------------------------------------------------------------------
def test_authorization_code_flow_with_pkce(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/callback"
    app = register_app(vmst, redirect_uris=redirect, name="Phanpy <test>")
    verifier, challenge = pkce_pair()

    # Unknown parameters (force_login, lang) are ignored; the page names the app, escaped, and its scopes.
    page = vmst.request("GET", authorize_query(app, redirect, code_challenge=challenge, code_challenge_method="S256",
                                               force_login="True", lang="en"))
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Phanpy &lt;test&gt;" in page.body and "Phanpy <test>" not in page.body
    assert "<code>read</code>" in page.body and "<code>write</code>" in page.body
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert "<link" not in page.body and "<script" not in page.body and "src=" not in page.body
    fields, _ = parse_form(page.body)
    assert fields["code_challenge"] == challenge
    assert fields["authenticity_token"]
    cookie = csrf_cookie(page)
    assert "HttpOnly" in page.headers["set-cookie"] and "SameSite=Lax" in page.headers["set-cookie"]

    fields.update({"login": "alice@example.test", "password": PASSWORD, "decision": "approve"})
    r = post_form(vmst, "/oauth/authorize", fields, headers={"Cookie": cookie})
    assert r.status == 302, r.body
    location = r.headers["location"]
    assert location.startswith(redirect + "?")
    params = query_of(location)
    assert params["state"] == "st4te"
    code = params["code"]

    exchange = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                "client_id": app["client_id"], "client_secret": app["client_secret"], "code_verifier": verifier}
    before = int(time.time())
    token = post_form(vmst, "/oauth/token", exchange)
    assert token.status == 200, token.body
    assert token.headers["cache-control"] == "no-store"
    body = token.json()
    assert body["token_type"] == "Bearer"
    assert body["scope"] == "read write"
    assert before - 2 <= body["created_at"] <= int(time.time()) + 2
    assert set(body) == {"access_token", "token_type", "scope", "created_at"}

    me = get(vmst, "/api/v1/apps/verify_credentials", body["access_token"])
    assert me.status == 200
    assert me.json()["name"] == "Phanpy <test>"

    # The code works once.
    replay = post_form(vmst, "/oauth/token", exchange)
    assert replay.status == 400
    assert replay.json()["error"] == "invalid_grant"


def test_a_wrong_or_missing_code_verifier_is_refused(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    verifier, challenge = pkce_pair()
    r = sign_in_and_authorize(vmst, app, redirect, "alice", code_challenge=challenge, code_challenge_method="S256")
    code = query_of(r.headers["location"])["code"]
    base = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
            "client_id": app["client_id"], "client_secret": app["client_secret"]}
    for extra in ({"code_verifier": pkce_pair()[0]}, {}, {"code_verifier": verifier[:-1]}):
        bad = post_form(vmst, "/oauth/token", {**base, **extra})
        assert bad.status == 400
        assert bad.json()["error"] == "invalid_grant"
        assert bad.json()["error_description"].startswith("The provided authorization grant is invalid")
    wrong_redirect = post_form(vmst, "/oauth/token", {**base, "code_verifier": verifier,
                                                      "redirect_uri": "https://client.example/other"})
    assert wrong_redirect.json()["error"] == "invalid_grant"
    assert post_form(vmst, "/oauth/token", {**base, "code_verifier": verifier}).status == 200


def test_plain_pkce_is_refused_on_the_redirect(vmst):
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    r = vmst.request("GET", authorize_query(app, redirect, code_challenge="x" * 43, code_challenge_method="plain"))
    assert r.status == 302
    params = query_of(r.headers["location"])
    assert params["error"] == "invalid_request"
    assert params["state"] == "st4te"


def test_out_of_band_code_is_shown_on_a_page(vmst):
    create_user(vmst, "alice")
    app = register_app(vmst)
    # toot 0.34 builds /oauth/authorize/?... with a trailing slash and scope joined by '+'.
    page = vmst.request("GET", "/oauth/authorize/?" + urllib.parse.urlencode(
        {"response_type": "code", "redirect_uri": OOB, "scope": "read write follow", "client_id": app["client_id"]}))
    assert page.status == 200
    fields, _ = parse_form(page.body)
    fields.update({"login": "alice", "password": PASSWORD})
    r = post_form(vmst, "/oauth/authorize", fields, headers={"Cookie": csrf_cookie(page)})
    assert r.status == 200
    assert "location" not in r.headers
    match = re.search(r'<output class="code" id="code">([A-Za-z0-9_-]+)</output>', r.body)
    assert match, r.body
    token = post_form(vmst, "/oauth/token", {"grant_type": "authorization_code", "code": match.group(1),
                                             "redirect_uri": OOB, "client_id": app["client_id"],
                                             "client_secret": app["client_secret"]})
    assert token.status == 200, token.body
    assert token.json()["scope"] == "read write follow"


def test_custom_scheme_redirects_and_json_token_requests(vmst):
    create_user(vmst, "alice")
    redirect = "com.tapbots.Ivory.19300:/request_token"
    app = register_app(vmst, redirect_uris=f"oauth2redirect://com.keylesspalace.tusky/\n{redirect}")
    r = sign_in_and_authorize(vmst, app, redirect, "alice@example.test", scope="read write follow push")
    assert r.status == 302
    assert r.headers["location"].startswith(redirect + "?code=")
    code = query_of(r.headers["location"])["code"]
    # Elk's server exchanges the code with a JSON body and sends scope along.
    token = post_json(vmst, "/oauth/token", {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                                             "client_id": app["client_id"], "client_secret": app["client_secret"],
                                             "scope": "read write follow push"})
    assert token.status == 200, token.body
    assert token.json()["scope"] == "read write follow push"


def test_deny_and_bad_scope_go_back_to_the_client(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect, scopes="read")
    denied = sign_in_and_authorize(vmst, app, redirect, "", password="", decision="deny", scope="read")
    assert denied.status == 302
    params = query_of(denied.headers["location"])
    assert params["error"] == "access_denied"
    assert params["state"] == "st4te"

    scope = vmst.request("GET", authorize_query(app, redirect, scope="read write"))
    assert scope.status == 302
    assert query_of(scope.headers["location"])["error"] == "invalid_scope"

    response_type = vmst.request("GET", authorize_query(app, redirect, scope="read").replace("response_type=code",
                                                                                              "response_type=token"))
    assert query_of(response_type.headers["location"])["error"] == "unsupported_response_type"


def test_unknown_clients_and_unregistered_redirects_get_an_error_page(vmst):
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    for query in (authorize_query(app, "https://evil.example/cb"),
                  authorize_query({"client_id": "nope"}, redirect),
                  authorize_query(app, redirect + "/more")):
        for method in ("GET", "POST"):
            if method == "GET":
                r = vmst.request("GET", query)
            else:
                fields = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(query).query))
                r = post_form(vmst, "/oauth/authorize", {**fields, "login": "a", "password": "b"})
            assert r.status == 400, (method, query)
            assert "location" not in r.headers
            assert r.headers["content-type"].startswith("text/html")
            assert "evil.example" not in r.body


def test_wrong_password_shows_the_form_again(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    r = sign_in_and_authorize(vmst, app, redirect, "alice@example.test", password="not the password")
    assert r.status == 401
    assert "location" not in r.headers
    assert "Invalid email or password." in r.body
    assert 'value="alice@example.test"' in r.body
    fields, _ = parse_form(r.body)
    assert fields["authenticity_token"]


def test_the_form_needs_its_csrf_token_and_cookie(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    page = vmst.request("GET", authorize_query(app, redirect))
    fields, _ = parse_form(page.body)
    fields.update({"login": "alice", "password": PASSWORD})

    no_cookie = post_form(vmst, "/oauth/authorize", fields)
    assert no_cookie.status == 403
    assert "location" not in no_cookie.headers

    other_browser = vmst.request("GET", authorize_query(app, redirect))
    stolen = post_form(vmst, "/oauth/authorize", fields, headers={"Cookie": csrf_cookie(other_browser)})
    assert stolen.status == 403

    # The token was spent by the attempts above, even with the right cookie.
    fresh = vmst.request("GET", authorize_query(app, redirect))
    fresh_fields, _ = parse_form(fresh.body)
    fresh_fields.update({"login": "alice", "password": PASSWORD})
    ok = post_form(vmst, "/oauth/authorize", fresh_fields, headers={"Cookie": csrf_cookie(fresh)})
    assert ok.status == 302
    again = post_form(vmst, "/oauth/authorize", fresh_fields, headers={"Cookie": csrf_cookie(fresh)})
    assert again.status == 403

    forged = dict(fresh_fields, authenticity_token="forged")
    assert post_form(vmst, "/oauth/authorize", forged, headers={"Cookie": csrf_cookie(fresh)}).status == 403


def test_fragment_and_form_post_response_modes(vmst):
    create_user(vmst, "alice")
    redirect = "https://client.example/cb"
    app = register_app(vmst, redirect_uris=redirect)
    fragment = sign_in_and_authorize(vmst, app, redirect, "alice", response_mode="fragment")
    assert fragment.status == 302
    assert fragment.headers["location"].startswith(redirect + "#code=")

    form_post = sign_in_and_authorize(vmst, app, redirect, "alice", response_mode="form_post")
    assert form_post.status == 200
    fields, action = parse_form(form_post.body)
    assert action == redirect
    assert fields["code"] and fields["state"] == "st4te"
    assert "script-src 'sha256-" in form_post.headers["content-security-policy"]


# --- POST /oauth/token ---------------------------------------------------------------------------------------------
def test_invalid_client_has_mastodons_shape(vmst):
    app = register_app(vmst)
    for fields in ({"client_id": app["client_id"], "client_secret": "wrong"},
                   {"client_id": "unknown", "client_secret": app["client_secret"]},
                   {}):
        r = post_form(vmst, "/oauth/token", {"grant_type": "client_credentials", **fields})
        assert r.status == 401
        assert r.json() == INVALID_CLIENT
        assert r.headers["content-type"] == "application/json; charset=utf-8"


def test_http_basic_client_authentication(vmst):
    import base64
    app = register_app(vmst)
    basic = base64.b64encode(f"{app['client_id']}:{app['client_secret']}".encode()).decode()
    r = post_form(vmst, "/oauth/token", {"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"})
    assert r.status == 200, r.body
    assert r.json()["scope"] == "read"
    wrong = base64.b64encode(f"{app['client_id']}:nope".encode()).decode()
    assert post_form(vmst, "/oauth/token", {"grant_type": "client_credentials"},
                     headers={"Authorization": f"Basic {wrong}"}).status == 401


def test_client_credentials_gives_an_app_token(vmst):
    app = register_app(vmst, scopes="read write")
    r = post_json(vmst, "/oauth/token", {"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"], "scope": "read write"})
    assert r.status == 200
    assert r.json()["scope"] == "read write"
    outside = post_form(vmst, "/oauth/token", {"grant_type": "client_credentials", "client_id": app["client_id"],
                                               "client_secret": app["client_secret"], "scope": "read push"})
    assert outside.status == 400
    assert outside.json() == {"error": "invalid_scope",
                              "error_description": "The requested scope is invalid, unknown, or malformed."}


def test_password_grant_when_enabled(vmst):
    create_user(vmst, "alice")
    app = register_app(vmst)
    for login in ("alice@example.test", "alice"):
        r = password_token(vmst, app, login)
        assert r.status == 200, r.body
        assert r.json()["scope"] == "read write follow push"
    wrong = password_token(vmst, app, "alice@example.test", password="nope nope nope")
    assert wrong.status == 400
    assert wrong.json()["error"] == "invalid_grant"
    refresh = post_form(vmst, "/oauth/token", {"grant_type": "refresh_token", "refresh_token": "x",
                                               "client_id": app["client_id"], "client_secret": app["client_secret"]})
    assert refresh.status == 400
    assert refresh.json()["error"] == "unsupported_grant_type"
    missing = post_form(vmst, "/oauth/token", {"client_id": app["client_id"], "client_secret": app["client_secret"]})
    assert missing.status == 400
    assert missing.json()["error"] == "invalid_request"


def test_password_grant_when_disabled():
    with VmstInstance(settings={"auth": {"password_grant": False}}) as vmst:
        vmst.start()
        create_user(vmst, "alice")
        app = register_app(vmst)
        r = password_token(vmst, app, "alice@example.test")
        assert r.status == 400
        assert r.json()["error"] == "unsupported_grant_type"
        meta = vmst.request("GET", "/.well-known/oauth-authorization-server").json()
        assert meta["grant_types_supported"] == ["authorization_code", "client_credentials"]


# --- POST /oauth/revoke --------------------------------------------------------------------------------------------
def test_revoke_then_the_token_is_refused(vmst):
    create_user(vmst, "alice")
    app = register_app(vmst)
    other = register_app(vmst)
    token = password_token(vmst, app, "alice").json()["access_token"]

    # Another client cannot revoke it, and is told nothing.
    r = post_form(vmst, "/oauth/revoke", {"client_id": other["client_id"], "client_secret": other["client_secret"],
                                          "token": token})
    assert r.status == 200 and r.json() == {}
    assert get(vmst, "/api/v1/apps/verify_credentials", token).status == 200

    r = post_json(vmst, "/oauth/revoke", {"client_id": app["client_id"], "client_secret": app["client_secret"],
                                          "token": token})
    assert r.status == 200 and r.json() == {}
    gone = get(vmst, "/api/v1/apps/verify_credentials", token)
    assert gone.status == 401
    assert gone.json() == {"error": "The access token is invalid"}
    # Idempotent, and silent for nonsense.
    for fields in ({"client_id": app["client_id"], "client_secret": app["client_secret"], "token": token},
                   {"client_id": "x", "client_secret": "y", "token": "z"}, {}):
        again = post_form(vmst, "/oauth/revoke", fields)
        assert again.status == 200 and again.json() == {}


# --- metadata and CORS ---------------------------------------------------------------------------------------------
def test_authorization_server_metadata(vmst):
    r = vmst.request("GET", "/.well-known/oauth-authorization-server")
    assert r.status == 200
    assert r.headers["access-control-allow-origin"] == "*"
    meta = r.json()
    base = vmst.base_url
    assert meta["issuer"] == base + "/"
    assert meta["authorization_endpoint"] == base + "/oauth/authorize"
    assert meta["token_endpoint"] == base + "/oauth/token"
    assert meta["revocation_endpoint"] == base + "/oauth/revoke"
    assert meta["app_registration_endpoint"] == base + "/api/v1/apps"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert meta["response_types_supported"] == ["code"]
    assert meta["grant_types_supported"] == ["authorization_code", "client_credentials", "password"]
    assert meta["token_endpoint_auth_methods_supported"] == ["client_secret_basic", "client_secret_post"]
    assert {"read", "write", "follow", "push", "profile", "read:statuses"} <= set(meta["scopes_supported"])


def test_cors_preflight_and_headers_on_the_token_endpoint(vmst):
    pre = vmst.request("OPTIONS", "/oauth/token", headers={"Origin": "https://phanpy.social",
                                                           "Access-Control-Request-Method": "POST",
                                                           "Access-Control-Request-Headers": "content-type"})
    assert pre.status in (200, 204)
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    assert "Content-Type" in pre.headers["access-control-allow-headers"]
    assert "Authorization" in pre.headers["access-control-allow-headers"]
    app = register_app(vmst)
    r = post_form(vmst, "/oauth/token", {"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"]}, headers={"Origin": "https://x.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    # The authorize page is for browsers on our own origin only.
    page = vmst.request("GET", authorize_query(app, OOB), headers={"Origin": "https://x.example"})
    assert "access-control-allow-origin" not in page.headers
