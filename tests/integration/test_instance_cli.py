"""vmst rules / page / instance contact against a running server: good input shows in the client API at once; bad
input exits non-zero with one line naming the problem and changes nothing."""
import json
import os

import pytest

from api_client import api, make_user
from harness import VmstInstance


@pytest.fixture(scope="module")
def vmst():
    with VmstInstance("127.0.0.1") as instance:
        instance.start()
        yield instance


def rules_via_api(vmst):
    return api(vmst, "GET", "/api/v1/instance/rules").json()


def write(vmst, name, content):
    path = os.path.join(vmst.dir, name)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(path, mode) as f:
        f.write(content)
    return path


def test_rules_added_moved_and_removed_show_in_the_instance_api(vmst):
    vmst.cli("rules", "add", "Be kind", "--hint", "No harassment of any kind")
    vmst.cli("rules", "add", "No spam")
    vmst.cli("rules", "add", "Mark sensitive media")
    listed = json.loads(vmst.cli("rules", "list", "--json").stdout)
    assert [r["text"] for r in listed] == ["Be kind", "No spam", "Mark sensitive media"]
    ids = [r["id"] for r in listed]
    assert rules_via_api(vmst) == [{"id": r["id"], "text": r["text"], "hint": r["hint"]} for r in listed]
    assert rules_via_api(vmst)[0]["hint"] == "No harassment of any kind"

    vmst.cli("rules", "move", ids[2], "1")
    assert [r["text"] for r in rules_via_api(vmst)] == ["Mark sensitive media", "Be kind", "No spam"]
    vmst.cli("rules", "remove", ids[1])
    assert [r["text"] for r in rules_via_api(vmst)] == ["Mark sensitive media", "Be kind"]
    v2 = api(vmst, "GET", "/api/v2/instance").json()
    v1 = api(vmst, "GET", "/api/v1/instance").json()
    assert v2["rules"] == v1["rules"] == rules_via_api(vmst)
    assert "Mark sensitive media" in vmst.cli("rules", "list").stdout


def test_bad_rules_input_is_named_and_changes_nothing(vmst):
    before = rules_via_api(vmst)
    assert vmst.cli_error("rules", "add", "   ") == "vmst: the rule text is blank"
    assert "too long" in vmst.cli_error("rules", "add", "x" * 301)
    assert vmst.cli_error("rules", "remove", "987654") == "vmst: no rule with id 987654 (see `vmst rules list`)"
    assert "out of range" in vmst.cli_error("rules", "move", before[0]["id"], "99")
    not_a_number = vmst.cli("rules", "remove", "abc", check=False)
    assert not_a_number.returncode == 2 and "abc" in not_a_number.stderr
    assert rules_via_api(vmst) == before


def test_the_about_page_feeds_the_extended_description(vmst):
    about = write(vmst, "about.md", "# Welcome to %{domain}\n\nA *small* place. <script>alert(1)</script>\n")
    out = vmst.cli("page", "set", "about", about, "--title", "About us").stdout
    assert "about" in out
    page = api(vmst, "GET", "/api/v1/instance/extended_description").json()
    assert page["content"].startswith(f"<h1>Welcome to {vmst.domain}</h1>")
    assert "<em>small</em>" in page["content"] and "<script>" not in page["content"]
    assert page["updated_at"].endswith("Z")
    assert vmst.cli("page", "show", "about").stdout.startswith("# Welcome to %{domain}")
    listed = json.loads(vmst.cli("page", "list", "--json").stdout)
    assert [(p["name"], p["title"]) for p in listed] == [("about", "About us")]


def test_privacy_and_terms_pages_feed_their_endpoints_and_can_be_removed(vmst):
    assert api(vmst, "GET", "/api/v1/instance/privacy_policy").status == 404
    vmst.cli("page", "set", "privacy", write(vmst, "privacy.md", "We keep **little**.\n"))
    vmst.cli("page", "set", "terms", write(vmst, "terms.md", "Be nice.\n"))
    vmst.cli("page", "set", "ai-policy", write(vmst, "ai.md", "No training on our posts.\n"))
    policy = api(vmst, "GET", "/api/v1/instance/privacy_policy").json()
    assert policy["content"] == "<p>We keep <strong>little</strong>.</p>\n"
    assert api(vmst, "GET", "/api/v1/instance/terms_of_service").json()["content"] == "<p>Be nice.</p>\n"
    urls = api(vmst, "GET", "/api/v2/instance").json()["configuration"]["urls"]
    assert urls["privacy_policy"] and urls["terms_of_service"]
    names = [p["name"] for p in json.loads(vmst.cli("page", "list", "--json").stdout)]
    assert {"privacy", "terms", "ai-policy"} <= set(names)

    vmst.cli("page", "remove", "privacy")
    assert api(vmst, "GET", "/api/v1/instance/privacy_policy").status == 404
    assert api(vmst, "GET", "/api/v2/instance").json()["configuration"]["urls"]["privacy_policy"] is None


def test_bad_page_input_is_named_and_changes_nothing(vmst):
    good = write(vmst, "good.md", "text\n")
    message = vmst.cli_error("page", "set", "abuot", good)
    assert message.startswith('vmst: unknown page "abuot" (pages: about, privacy, terms, ai-policy, funding')
    missing = os.path.join(vmst.dir, "missing.md")
    assert vmst.cli_error("page", "set", "funding", missing) == f"vmst: cannot read {missing}"
    empty = write(vmst, "empty.md", "\n\n")
    assert vmst.cli_error("page", "set", "funding", empty) == f"vmst: {empty}: the page text is empty"
    latin1 = write(vmst, "latin1.md", "caf\xe9".encode("latin-1"))
    assert vmst.cli_error("page", "set", "funding", latin1) == f"vmst: {latin1}: the page text is not UTF-8 text"
    assert vmst.cli_error("page", "show", "funding") == "vmst: the funding page is not set (see `vmst page list`)"
    assert vmst.cli_error("page", "remove", "faq") == "vmst: the faq page is not set (see `vmst page list`)"
    assert "funding" not in [p["name"] for p in json.loads(vmst.cli("page", "list", "--json").stdout)]


def test_contact_account_and_email_show_in_the_v2_instance(vmst):
    make_user(vmst, "boss", admin=True)
    make_user(vmst, "helpdesk")
    contact = api(vmst, "GET", "/api/v2/instance").json()["contact"]
    assert contact["account"]["username"] == "boss"  # the first admin until one is chosen

    vmst.cli("instance", "contact", "--account", "helpdesk", "--email", "team@social.example")
    v2 = api(vmst, "GET", "/api/v2/instance").json()
    assert v2["contact"]["email"] == "team@social.example"
    assert v2["contact"]["account"]["username"] == "helpdesk"
    v1 = api(vmst, "GET", "/api/v1/instance").json()
    assert v1["email"] == "team@social.example"
    assert v1["contact_account"]["username"] == "helpdesk"
    shown = json.loads(vmst.cli("instance", "contact", "--json").stdout)
    assert shown == {"account": "helpdesk", "account_chosen": True, "email": "team@social.example",
                     "email_chosen": True}

    # Bad input: named, and nothing changes.
    assert vmst.cli_error("instance", "contact", "--account", "nobody", "--email", "ok@social.example") == \
        'vmst: --account: there is no local account "nobody"'
    assert vmst.cli_error("instance", "contact", "--email", "not-an-address") == \
        'vmst: --email: "not-an-address" is not an email address'
    assert api(vmst, "GET", "/api/v2/instance").json()["contact"] == v2["contact"]

    vmst.cli("instance", "contact", "--account", "")
    assert api(vmst, "GET", "/api/v2/instance").json()["contact"]["account"]["username"] == "boss"


def test_the_short_description_is_the_instance_description(vmst):
    vmst.cli("instance", "description", "  A small server for friends.  ")
    assert api(vmst, "GET", "/api/v2/instance").json()["description"] == "A small server for friends."
    v1 = api(vmst, "GET", "/api/v1/instance").json()
    assert v1["description"] == v1["short_description"] == "A small server for friends."
    assert "too long" in vmst.cli_error("instance", "description", "x" * 501)
    assert api(vmst, "GET", "/api/v2/instance").json()["description"] == "A small server for friends."
    vmst.cli("instance", "description", "")
    assert api(vmst, "GET", "/api/v2/instance").json()["description"] == ""
