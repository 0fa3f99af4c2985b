"""Rate limits over HTTP: 429 with Mastodon's body and X-RateLimit-* headers."""
import re

from harness import VmstInstance
from oauth_helpers import client_token, get, password_token, post_form, register_app

ISO_MS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


def limited(**limits):
    settings = {"rate_limits": {"api_requests": 1000000, "sign_in_attempts": 1000000, "sign_ups": 1000000, **limits},
                "instance": {"registrations": "open"}}
    vmst = VmstInstance(settings=settings)
    vmst.start()
    return vmst


def test_api_requests_are_limited_per_address_with_headers():
    with limited(api_requests=5) as vmst:
        for remaining in range(4, -1, -1):
            r = get(vmst, "/api/v1/apps/verify_credentials")
            assert r.status == 401
            assert r.headers["x-ratelimit-limit"] == "5"
            assert r.headers["x-ratelimit-remaining"] == str(remaining)
            assert ISO_MS.fullmatch(r.headers["x-ratelimit-reset"])
        r = get(vmst, "/api/v1/apps/verify_credentials")
        assert r.status == 429
        assert r.json() == {"error": "Too many requests"}
        assert r.headers["content-type"] == "application/json; charset=utf-8"
        assert r.headers["x-ratelimit-remaining"] == "0"
        assert ISO_MS.fullmatch(r.headers["x-ratelimit-reset"])
        assert int(r.headers["retry-after"]) >= 1
        # Browser clients must be able to read the headers of a refusal too.
        assert r.headers["access-control-allow-origin"] == "*"
        assert "X-RateLimit-Reset" in r.headers["access-control-expose-headers"]
        # Outside /api the limit does not apply.
        assert vmst.request("GET", "/.well-known/oauth-authorization-server").status == 200


def test_a_token_has_its_own_budget():
    with limited(api_requests=3) as vmst:
        app = register_app(vmst)  # one /api request from this address
        token = client_token(vmst, app)
        for _ in range(3):
            assert get(vmst, "/api/v1/apps/verify_credentials", token).status == 200
        assert get(vmst, "/api/v1/apps/verify_credentials", token).status == 429
        assert get(vmst, "/api/v1/apps/verify_credentials").status == 401  # the address still has budget


def test_sign_in_attempts_are_limited():
    with limited(sign_in_attempts=3) as vmst:
        vmst.cli("account", "create", "alice", "--email", "alice@example.test", "--password-stdin",
                 input="correct horse battery\n")
        app = register_app(vmst)
        for _ in range(3):
            assert password_token(vmst, app, "alice", "wrong password!").status == 400
        r = password_token(vmst, app, "alice", "correct horse battery")
        assert r.status == 429
        assert r.headers["x-ratelimit-limit"] == "3"
        # Other grants are not sign-in attempts.
        assert client_token(vmst, app)
        r = post_form(vmst, "/oauth/authorize", {"client_id": app["client_id"], "login": "alice", "password": "x"})
        assert r.status == 429


def test_sign_ups_are_limited():
    with limited(sign_ups=1) as vmst:
        token = client_token(vmst, register_app(vmst))
        fields = {"username": "bob", "email": "bob@example.test", "password": "a long password", "agreement": "1"}
        assert post_form(vmst, "/api/v1/accounts", fields, headers={"Authorization": f"Bearer {token}"}).status == 200
        again = post_form(vmst, "/api/v1/accounts", dict(fields, username="eve", email="eve@example.test"),
                          headers={"Authorization": f"Bearer {token}"})
        assert again.status == 429
        assert again.headers["x-ratelimit-limit"] == "1"


def test_limits_can_be_switched_off():
    with VmstInstance(settings={"rate_limits": {"enabled": False, "api_requests": 1}}) as vmst:
        vmst.start()
        for _ in range(5):
            r = get(vmst, "/api/v1/apps/verify_credentials")
            assert r.status == 401
            assert "x-ratelimit-limit" not in r.headers
