"""The public, server-rendered pages over HTTP: landing, about, moderated servers, profiles with paging, status
permalinks with their thread, tag pages, the RSS feed, remote interaction, robots.txt; HTML errors, the security
headers, and noindex for people who opted out of search."""
import json
import re
import urllib.parse

import pytest

from api_client import api, make_user
from harness import VmstInstance

HTML = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture(scope="module")
def site():
    with VmstInstance("127.0.0.1", settings={"web": {"robots_blocked_agents": "ExtraBot, Other-Bot"}}) as vmst:
        vmst.start()
        alice = make_user(vmst, "alice", admin=True)
        bob = make_user(vmst, "bob")
        carol = make_user(vmst, "carol")
        profile = api(vmst, "PATCH", "/api/v1/accounts/update_credentials", alice.token,
            form={"display_name": "A <script>x()</script>", "note": "Hello from the tests",
                  "discoverable": "true", "indexable": "true",
                  "fields_attributes[0][name]": "Site", "fields_attributes[0][value]": "https://alice.net/"})
        assert profile.status == 200, profile.content
        post = lambda user, text, **kw: api(vmst, "POST", "/api/v1/statuses", user.token,
                                            json_body={"status": text, **kw}).json()
        statuses = {"older": [post(alice, f"older post number {n}") for n in range(25)]}
        statuses["first"] = post(alice, "First public words #PageTest")
        statuses["private"] = post(alice, "secret-followers-only words", visibility="private")
        statuses["direct"] = post(alice, "@bob secret-direct words", visibility="direct")
        statuses["unlisted"] = post(alice, "quiet unlisted words", visibility="unlisted")
        statuses["reply"] = post(bob, "@alice a public reply from bob", in_reply_to_id=statuses["first"]["id"])
        statuses["hidden_reply"] = post(bob, "@alice secret-reply words", in_reply_to_id=statuses["first"]["id"],
                                        visibility="private")
        statuses["pinned"] = post(alice, "a pinned announcement")
        api(vmst, "POST", f"/api/v1/statuses/{statuses['pinned']['id']}/pin", alice.token)
        vmst.cli("account", "suspend", "carol")
        yield vmst, {"alice": alice, "bob": bob, "carol": carol}, statuses


def page(vmst, path):
    return vmst.request("GET", path, headers=HTML)


def assert_public_page_headers(r):
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'none'" in csp and "unsafe-inline" not in csp
    assert "style-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert r.headers["content-type"].startswith("text/html")
    assert "<script" not in r.body.lower() and " style=" not in r.body


def test_a_profile_shows_the_public_posts_pinned_first_with_its_fields_and_headers(site):
    vmst, users, statuses = site
    r = page(vmst, "/@alice")
    assert r.status == 200
    assert_public_page_headers(r)
    body = r.body
    assert "A &lt;script&gt;x()&lt;/script&gt;" in body
    assert "Hello from the tests" in body
    assert re.search(r'<a [^>]*href="https://alice.net/"[^>]*rel="[^"]*\bme\b', body) or \
        re.search(r'<a [^>]*rel="[^"]*\bme\b[^"]*"[^>]*href="https://alice.net/"', body)
    assert body.index("a pinned announcement") < body.index("First public words")
    assert "quiet unlisted words" in body
    for secret in ("secret-followers-only", "secret-direct", "secret-reply"):
        assert secret not in body
    assert "a public reply from bob" not in body  # replies to others are not profile posts
    assert f'<link rel="canonical" href="{vmst.base_url}/@alice">' in body
    assert '<meta property="og:type" content="profile">' in body
    assert '<meta name="twitter:card"' in body
    assert f'href="{vmst.base_url}/@alice.rss"' in body
    assert "noindex" not in body  # alice is discoverable and indexable


def test_the_older_link_pages_through_every_public_post(site):
    vmst, _, statuses = site
    seen, path = [], "/@alice"
    for _ in range(5):
        r = page(vmst, path)
        assert r.status == 200
        seen += re.findall(r"older post number (\d+)", r.body)
        older = re.search(r'<a class="button secondary" rel="next" href="([^"]+)"', r.body)
        if not older:
            break
        path = urllib.parse.urlsplit(older.group(1).replace("&amp;", "&"))
        path = path.path + "?" + path.query
        assert "max_id=" in path
    assert sorted(set(map(int, seen))) == list(range(25))
    assert 'rel="prev"' in page(vmst, path).body


def test_people_who_opted_out_of_search_get_noindex(site):
    vmst, _, statuses = site
    r = page(vmst, "/@bob")
    assert r.status == 200
    assert '<meta name="robots" content="noindex, noarchive">' in r.body
    reply = page(vmst, f"/@bob/{statuses['reply']['id']}")
    assert '<meta name="robots" content="noindex, noarchive">' in reply.body
    assert '<meta name="robots"' not in page(vmst, f"/@alice/{statuses['first']['id']}").body


def test_a_permalink_shows_the_thread_but_only_public_replies(site):
    vmst, _, statuses = site
    first = statuses["first"]
    r = page(vmst, f"/@alice/{first['id']}")
    assert r.status == 200
    assert_public_page_headers(r)
    assert "First public words" in r.body and "a public reply from bob" in r.body
    assert "secret-reply" not in r.body
    assert f'<link rel="canonical" href="{vmst.base_url}/@alice/{first["id"]}">' in r.body
    assert '<meta property="og:type" content="article">' in r.body
    assert 'content="A &lt;script&gt;x()&lt;/script&gt;: &quot;First public words #PageTest&quot;"' in r.body
    # The reply's page shows its ancestor first.
    reply = page(vmst, f"/@bob/{statuses['reply']['id']}").body.split("<main", 1)[1]
    assert reply.index("First public words") < reply.index("a public reply from bob")


@pytest.mark.parametrize("path", ["/@nobody", "/@nobody/1", "/@alice/123456789", "/@alice/notanumber",
                                  "/tags/neverusedtag", "/@nobody@unknown.example"])
def test_unknown_pages_are_html_404s(site, path):
    vmst, _, _ = site
    r = page(vmst, path)
    assert r.status == 404
    assert_public_page_headers(r)
    assert "Page not found" in r.body and '<meta name="robots" content="noindex, noarchive">' in r.body


def test_private_and_direct_statuses_have_no_page(site):
    vmst, _, statuses = site
    for key in ("private", "direct"):
        r = page(vmst, f"/@alice/{statuses[key]['id']}")
        assert r.status == 404 and "secret" not in r.body
    assert page(vmst, f"/@bob/{statuses['hidden_reply']['id']}").status == 404
    # A status under someone else's name is not found either.
    assert page(vmst, f"/@bob/{statuses['first']['id']}").status == 404


def test_a_suspended_account_shows_a_short_notice(site):
    vmst, _, _ = site
    r = page(vmst, "/@carol")
    assert r.status == 403
    assert "This account has been suspended." in r.body
    assert page(vmst, "/@carol.rss").status in (200, 403)


def test_servers_still_get_json_from_the_same_addresses(site):
    vmst, _, statuses = site
    actor = vmst.request("GET", "/@alice", headers={"Accept": "application/activity+json"})
    assert actor.status == 200 and actor.json()["preferredUsername"] == "alice"
    note = vmst.request("GET", f"/@alice/{statuses['first']['id']}", headers={"Accept": "application/activity+json"})
    assert note.status == 302 and note.headers["location"].endswith(f"/users/alice/statuses/{statuses['first']['id']}")
    browser = vmst.request("GET", "/users/alice", headers=HTML)
    assert browser.status == 302 and browser.headers["location"] == f"{vmst.base_url}/@alice"


def test_a_tag_page_lists_the_public_posts_with_the_tag(site):
    vmst, _, _ = site
    r = page(vmst, "/tags/pagetest")
    assert r.status == 200
    assert_public_page_headers(r)
    assert "First public words" in r.body and "#PageTest" in r.body
    assert page(vmst, "/tags/PAGETEST").status == 200


def test_the_rss_feed_has_public_posts_only(site):
    vmst, _, statuses = site
    r = vmst.request("GET", "/@alice.rss")
    assert r.status == 200
    assert r.headers["content-type"].startswith("application/rss+xml")
    assert "<rss version=\"2.0\"" in r.body
    assert f"<link>{vmst.base_url}/@alice/{statuses['pinned']['id']}</link>" in r.body
    assert "quiet unlisted words" not in r.body and "secret" not in r.body
    assert r.body.count("<item>") == 20
    assert page(vmst, "/@nobody.rss").status == 404


def test_landing_about_and_moderated_servers(site):
    vmst, _, _ = site
    vmst.cli("instance", "description", "A small <test> server")
    vmst.cli("rules", "add", "Be kind <always>")
    about_md = f"{vmst.dir}/about.md"
    with open(about_md, "w") as f:
        f.write("# Who runs %{domain}\n\nWe do. <script>alert(1)</script>\n")
    vmst.cli("page", "set", "about", about_md)
    faq_md = f"{vmst.dir}/faq.md"
    with open(faq_md, "w") as f:
        f.write("Who pays? **We** do.\n")
    vmst.cli("page", "set", "faq", faq_md, "--title", "Questions")
    vmst.cli("domain", "block", "hidden-harassment.example", "--public-comment", "Harassment <b>campaigns</b>",
             "--obfuscate")
    vmst.cli("domain", "block", "limited.example", "--severity", "silence")

    landing = page(vmst, "/")
    assert landing.status == 200
    assert_public_page_headers(landing)
    assert "vmst test" in landing.body and "A small &lt;test&gt; server" in landing.body
    assert 'href="/web"' in landing.body

    about = page(vmst, "/about")
    assert about.status == 200
    assert_public_page_headers(about)
    body = about.body
    assert f"Who runs {vmst.domain}" in body and "<script>alert" not in body
    assert "<strong>We</strong> do." in body
    assert 'href="#page-about"' in body and 'href="#page-faq"' in body and "Questions" in body
    assert "Be kind &lt;always&gt;" in body
    assert "/@alice" in body  # the admin, as contact
    assert page(vmst, "/about/more").status == 301

    moderated = page(vmst, "/about/moderated-servers")
    assert moderated.status == 200
    assert "hidden-harassment.example" not in moderated.body
    public = api(vmst, "GET", "/api/v1/instance/domain_blocks").json()
    hidden = next(b for b in public if "*" in b["domain"])
    assert hidden["domain"] in moderated.body and hidden["digest"] in moderated.body
    assert "Harassment &lt;b&gt;campaigns&lt;/b&gt;" in moderated.body
    assert "limited.example" in moderated.body


def test_remote_interaction_resolves_local_things_and_offers_sign_in_otherwise(site):
    vmst, _, statuses = site
    first = statuses["first"]
    quote = urllib.parse.quote
    r = page(vmst, "/authorize_interaction?uri=" + quote(first["uri"], safe=""))
    assert r.status == 302 and r.headers["location"] == f"{vmst.base_url}/@alice/{first['id']}"
    r = page(vmst, "/authorize_interaction?uri=" + quote(f"{vmst.base_url}/users/alice", safe=""))
    assert r.status == 302 and r.headers["location"] == f"{vmst.base_url}/@alice"
    r = page(vmst, "/authorize_interaction?uri=" + quote("acct:alice@" + vmst.domain, safe=""))
    assert r.status == 302 and r.headers["location"] == f"{vmst.base_url}/@alice"
    unknown = page(vmst, "/authorize_interaction?uri=" + quote("https://elsewhere.example/@x/1\"<b>", safe=""))
    assert unknown.status == 200
    assert_public_page_headers(unknown)
    assert "/web/search?q=https%3A%2F%2Felsewhere.example" in unknown.body
    assert "&quot;&lt;b&gt;" in unknown.body and '"<b>' not in unknown.body
    private = page(vmst, "/authorize_interaction?uri=" + quote(statuses["private"]["uri"], safe=""))
    assert private.status == 200 and "secret" not in private.body
    assert page(vmst, "/authorize_interaction").status == 400


def test_robots_txt_refuses_ai_crawlers_and_the_configured_extras(site):
    vmst, _, _ = site
    r = vmst.request("GET", "/robots.txt")
    assert r.status == 200 and r.headers["content-type"].startswith("text/plain")
    for agent in ("GPTBot", "ClaudeBot", "CCBot", "Google-Extended", "ExtraBot", "Other-Bot"):
        assert f"User-agent: {agent}\n" in r.body
    assert "User-agent: *\nDisallow: /api/\n" in r.body


def test_robots_txt_without_the_ai_list():
    with VmstInstance("127.0.0.1", settings={"web": {"robots_block_ai": False}}) as vmst:
        vmst.start()
        body = vmst.request("GET", "/robots.txt").body
        assert "GPTBot" not in body and "User-agent: *" in body
