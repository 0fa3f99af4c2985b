"""vmst invite create|list|revoke with POST /api/v1/accounts' invite_code: an invite opens closed registrations
(and skips approval), counts its uses, honours its expiry; bad input is refused and changes nothing."""
import json
import time

import pytest

from api_client import sql
from harness import VmstInstance
from oauth_helpers import client_token, get, post_form, register_app


@pytest.fixture(scope="module")
def closed():
    with VmstInstance(settings={"instance": {"registrations": "closed"}}) as vmst:
        vmst.start()
        yield vmst


def sign_up(vmst, name, invite_code=None):
    fields = {"username": name, "email": f"{name}@example.test", "password": "a long password", "agreement": "true"}
    if invite_code is not None:
        fields["invite_code"] = invite_code
    app = register_app(vmst)
    return post_form(vmst, "/api/v1/accounts", fields, headers={"Authorization": f"Bearer {client_token(vmst, app)}"})


def create(vmst, *args):
    return json.loads(vmst.cli("invite", "create", "--json", *args).stdout)


def listed(vmst):
    return {i["code"]: i for i in json.loads(vmst.cli("invite", "list", "--json").stdout)}


def test_an_invite_lets_people_sign_up_while_registrations_are_closed_until_it_is_used_up(closed):
    assert sign_up(closed, "nobody").status == 403
    invite = create(closed, "--uses", "2")
    assert (invite["max_uses"], invite["uses"], invite["state"], invite["expires_at"]) == (2, 0, "active", None)

    for name in ("amy", "ben"):
        r = sign_up(closed, name, invite["code"])
        assert r.status == 200, r.body
        assert get(closed, "/api/v1/accounts/verify_credentials", r.json()["access_token"]).status == 200
    assert listed(closed)[invite["code"]]["uses"] == 2
    assert listed(closed)[invite["code"]]["state"] == "used up"

    assert sign_up(closed, "cid", invite["code"]).status == 403
    assert sql(closed, "SELECT count(*) FROM accounts WHERE username = 'cid'") == [(0,)]
    assert listed(closed)[invite["code"]]["uses"] == 2
    assert sql(closed, "SELECT count(*) FROM users WHERE invite_id = ?", int(invite["id"])) == [(2,)]


def test_the_text_output_gives_the_code(closed):
    out = closed.cli("invite", "create", "--expires", "12h").stdout
    code = out.splitlines()[0].split(": ")[1]
    assert code in listed(closed)
    assert "expires: " in out and "never" not in out
    assert code in closed.cli("invite", "list").stdout


def test_an_expired_or_revoked_invite_opens_nothing(closed):
    short = create(closed, "--expires", "1s")
    time.sleep(1.2)
    assert listed(closed)[short["code"]]["state"] == "expired"
    assert sign_up(closed, "dot", short["code"]).status == 403

    invite = create(closed)
    out = closed.cli("invite", "revoke", invite["code"]).stdout
    assert f"Revoked invite {invite['code']}" in out
    assert listed(closed)[invite["code"]]["state"] == "expired"
    assert sign_up(closed, "eve", invite["code"]).status == 403
    assert sql(closed, "SELECT count(*) FROM accounts WHERE username IN ('dot', 'eve')") == [(0,)]


def test_bad_input_is_refused_and_creates_nothing(closed):
    before = len(listed(closed))
    for args, message in [(["--expires", "soon"], 'duration "soon" is not valid'),
                          (["--expires", "0d"], 'duration "0d" is not valid'),
                          (["--uses", "0"], "--uses must be at least 1")]:
        r = closed.cli("invite", "create", *args, check=False)
        assert r.returncode != 0 and message in r.stderr, (args, r.stderr)
    r = closed.cli("invite", "revoke", "NOSUCHCODE", check=False)
    assert r.returncode != 0 and r.stderr == 'vmst: no invite with code "NOSUCHCODE"\n'
    assert len(listed(closed)) == before


def test_an_invite_skips_approval_and_a_bad_code_is_named():
    with VmstInstance(settings={"instance": {"registrations": "approval"}}) as vmst:
        vmst.start()
        invite = create(vmst, "--uses", "1")
        r = sign_up(vmst, "fay", invite["code"])  # no reason needed with an invite
        assert r.status == 200, r.body
        assert get(vmst, "/api/v1/accounts/verify_credentials", r.json()["access_token"]).status == 200
        bad = sign_up(vmst, "gus", invite["code"])
        assert bad.status == 422
        assert bad.json()["details"]["invite_code"][0]["error"] == "ERR_INVALID"
