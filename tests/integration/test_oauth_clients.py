"""Real clients against our OAuth: Mastodon.py 1.8 and toot 0.34, the Debian packages."""
import os
import re
import subprocess
import sys
import tempfile

import pytest

from harness import VmstInstance
from oauth_helpers import PASSWORD, create_user, csrf_cookie, parse_form, post_form

sys.path.insert(0, "/usr/lib/python3/dist-packages")
mastodon = pytest.importorskip("mastodon")
from mastodon import Mastodon, MastodonUnauthorizedError  # noqa: E402


@pytest.fixture
def vmst_open():
    with VmstInstance(settings={"instance": {"registrations": "open"}}) as instance:
        instance.start()
        yield instance


def client(vmst, cid, sec, **kwargs):
    # version_check_mode="none": these tests are about OAuth alone; test_mastodon_py_with_version_check covers the
    # default constructor, which reads GET /api/v1/instance/.
    return Mastodon(client_id=cid, client_secret=sec, api_base_url=vmst.base_url, version_check_mode="none",
                    ratelimit_method="throw", **kwargs)


def test_mastodon_py_password_login_app_check_and_revoke(vmst_open):
    create_user(vmst_open, "alice")
    cid, sec = Mastodon.create_app("acceptance", api_base_url=vmst_open.base_url)
    api = client(vmst_open, cid, sec)
    token = api.log_in("alice@example.test", PASSWORD)  # raises unless `scope` covers read write follow push
    assert token
    assert api.app_verify_credentials()["name"] == "acceptance"
    api.revoke_access_token()
    again = client(vmst_open, cid, sec, access_token=token)
    with pytest.raises(MastodonUnauthorizedError):
        again.app_verify_credentials()


def test_mastodon_py_create_account(vmst_open):
    cid, sec = Mastodon.create_app("acceptance", api_base_url=vmst_open.base_url)
    api = client(vmst_open, cid, sec)
    token = api.create_account("bob", "bob's long password", "bob@example.test", agreement=True)
    assert token
    assert api.app_verify_credentials()["name"] == "acceptance"
    # Its detailed errors come through as Mastodon's.
    other = client(vmst_open, cid, sec)
    token, error = other.create_account("bob", "bob's long password", "bob@example.test", agreement=True,
                                        return_detailed_error=True)
    assert token is None
    assert error["details"]["username"][0]["error"] == "ERR_TAKEN"


def test_mastodon_py_authorization_code_out_of_band(vmst_open):
    create_user(vmst_open, "alice")
    cid, sec = Mastodon.create_app("browser login", api_base_url=vmst_open.base_url)
    api = client(vmst_open, cid, sec)
    url = api.auth_request_url(force_login=True, state="abc")
    path = url[len(vmst_open.base_url):]
    page = vmst_open.request("GET", path)
    assert page.status == 200, page.body
    fields, _ = parse_form(page.body)
    fields.update({"login": "alice", "password": PASSWORD})
    shown = post_form(vmst_open, "/oauth/authorize", fields, headers={"Cookie": csrf_cookie(page)})
    code = re.search(r'<output class="code" id="code">([^<]+)</output>', shown.body).group(1)
    assert api.log_in(code=code)
    assert api.app_verify_credentials()["name"] == "browser login"


def test_mastodon_py_with_version_check(vmst_open):
    create_user(vmst_open, "alice")
    cid, sec = Mastodon.create_app("acceptance", api_base_url=vmst_open.base_url)
    api = Mastodon(client_id=cid, client_secret=sec, api_base_url=vmst_open.base_url)
    api.log_in("alice@example.test", PASSWORD)
    assert api.account_verify_credentials()["acct"] == "alice"
    other = Mastodon(client_id=cid, client_secret=sec, api_base_url=vmst_open.base_url)
    other.create_account("bob", "bob's long password", "bob@example.test", agreement=True)
    assert other.account_verify_credentials()["acct"] == "bob"


def test_toot_login_cli(vmst_open):
    create_user(vmst_open, "alice")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"))
        result = subprocess.run(["toot", "login_cli", "-i", vmst_open.domain, "--disable-https", "-e",
                                 "alice@example.test"], input=PASSWORD + "\n", capture_output=True, text=True,
                                env=env, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        whoami = subprocess.run(["toot", "whoami"], capture_output=True, text=True, env=env, timeout=60)
        assert whoami.returncode == 0, whoami.stderr
        assert "alice" in whoami.stdout
