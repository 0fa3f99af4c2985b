"""POST /api/v1/accounts: sign-up with an app token under each instance.registrations mode."""

from harness import VmstInstance
from oauth_helpers import client_token, get, password_token, post_form, post_json, register_app


def instance(mode):
    vmst = VmstInstance(settings={"instance": {"registrations": mode}})
    vmst.start()
    return vmst


def sign_up(vmst, token, **fields):
    data = {"username": "bob", "email": "bob@example.test", "password": "bob's long password", "agreement": "true",
            "locale": "en", **fields}
    return post_form(vmst, "/api/v1/accounts", data, headers={"Authorization": f"Bearer {token}"})


def test_open_registration_returns_a_working_token():
    with instance("open") as vmst:
        app = register_app(vmst)
        r = sign_up(vmst, client_token(vmst, app))
        assert r.status == 200, r.body
        body = r.json()
        assert body["token_type"] == "Bearer"
        assert body["scope"] == "read write follow push"
        assert isinstance(body["created_at"], int)
        assert get(vmst, "/api/v1/apps/verify_credentials", body["access_token"]).status == 200
        post = post_json(vmst, "/api/v1/statuses", {"status": "my first post"},
                         headers={"Authorization": f"Bearer {body['access_token']}"})
        assert post.status == 200, post.body
        assert post.json()["account"]["username"] == "bob"
        # The new account signs in with its password, and shows as active to the admin.
        assert password_token(vmst, app, "bob@example.test", "bob's long password").status == 200
        assert "active" in vmst.cli("account", "list").stdout.splitlines()[1]


def test_registration_accepts_json_and_python_booleans():
    with instance("open") as vmst:
        app = register_app(vmst)
        token = client_token(vmst, app)
        r = post_json(vmst, "/api/v1/accounts", {"username": "carol", "email": "carol@example.test",
                                                 "password": "a long password", "agreement": True, "locale": "de"},
                      headers={"Authorization": f"Bearer {token}"})
        assert r.status == 200, r.body
        # Mastodon.py sends str(True).
        assert sign_up(vmst, token, username="dave", email="dave@example.test", agreement="True").status == 200


def test_validation_errors_have_mastodons_shape():
    with instance("open") as vmst:
        token = client_token(vmst, register_app(vmst))
        assert sign_up(vmst, token).status == 200
        r = sign_up(vmst, token, email="BOB@example.test", password="short", agreement="false")
        assert r.status == 422
        body = r.json()
        assert body["error"].startswith("Validation failed: ")
        assert body["details"]["username"] == [{"error": "ERR_TAKEN", "description": "has already been taken"}]
        assert body["details"]["email"][0]["error"] == "ERR_TAKEN"
        assert body["details"]["password"][0]["error"] == "ERR_TOO_SHORT"
        assert body["details"]["agreement"] == [{"error": "ERR_ACCEPTED", "description": "must be accepted"}]
        missing = sign_up(vmst, token, username="", email="not-an-email")
        assert missing.json()["details"]["username"][0]["error"] == "ERR_BLANK"
        assert missing.json()["details"]["email"][0]["error"] == "ERR_INVALID"


def test_registration_needs_a_token_with_write_accounts():
    with instance("open") as vmst:
        app = register_app(vmst)
        r = post_form(vmst, "/api/v1/accounts", {"username": "bob"})
        assert r.status == 401
        read_only = sign_up(vmst, client_token(vmst, app, "read"))
        assert read_only.status == 403
        assert read_only.json() == {"error": "This action is outside the authorized scopes"}


def test_closed_registration_is_refused():
    with instance("closed") as vmst:
        r = sign_up(vmst, client_token(vmst, register_app(vmst)))
        assert r.status == 403
        assert r.json() == {"error": "This action is not allowed"}
        assert "0 local account(s)" in vmst.cli("account", "list").stdout


def test_approval_mode_needs_a_reason_and_leaves_the_account_pending():
    with instance("approval") as vmst:
        app = register_app(vmst)
        token = client_token(vmst, app)
        no_reason = sign_up(vmst, token)
        assert no_reason.status == 422
        assert no_reason.json()["details"]["reason"][0]["error"] == "ERR_BLANK"
        r = sign_up(vmst, token, reason="I run the book club")
        assert r.status == 200, r.body
        assert r.json()["access_token"]
        listing = vmst.cli("account", "list").stdout
        assert "pending" in listing


def test_a_pending_users_token_is_refused_until_approval():
    with instance("approval") as vmst:
        app = register_app(vmst)
        r = sign_up(vmst, client_token(vmst, app), reason="please")
        token = r.json()["access_token"]
        post = post_json(vmst, "/api/v1/statuses", {"status": "hello"}, headers={"Authorization": f"Bearer {token}"})
        assert post.status == 403
        assert post.json() == {"error": "Your login is currently pending approval"}
        # The app check does not need an approved user.
        assert get(vmst, "/api/v1/apps/verify_credentials", token).status == 200
        # Once an admin approves the sign-up, the same token works.
        vmst.cli("account", "approve", "bob")
        post = post_json(vmst, "/api/v1/statuses", {"status": "hello"}, headers={"Authorization": f"Bearer {token}"})
        assert post.status == 200, post.body
