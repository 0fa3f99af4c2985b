"""The public pages with a second vmst instance: custom emoji drawn on profiles and permalinks (local emoji, and a
remote server's emoji on its posts), and a poll's results on a permalink; remote follow / remote interaction: a signed-out visitor names their
handle elsewhere, the server reads that server's WebFinger subscribe template and sends the visitor there; clear
errors for an unknown handle, a server without a template and a malformed handle; a CSRF token on the form."""
import http.server
import json
import re
import threading
import urllib.parse

import pytest

from api_client import api, make_user, tiny_png
from harness import free_port, VmstInstance, wait_until

HTML = {"Accept": "text/html,application/xhtml+xml"}
quote = urllib.parse.quote


class NoTemplateWebfinger(http.server.BaseHTTPRequestHandler):
    """A server whose WebFinger knows every handle but names no subscribe template."""

    def do_GET(self):
        resource = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query).get("resource", [""])[0]
        body = json.dumps({"subject": resource, "links": [
            {"rel": "self", "type": "application/activity+json", "href": "http://127.0.0.1:1/users/x"}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/jrd+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def add_emoji(vmst, shortcode):
    path = f"{vmst.dir}/{shortcode}.png"
    with open(path, "wb") as f:
        f.write(tiny_png(32, 32))
    vmst.cli("emoji", "add", shortcode, path)


@pytest.fixture(scope="module")
def network():
    stub = http.server.ThreadingHTTPServer(("127.0.0.3", free_port("127.0.0.3")), NoTemplateWebfinger)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    with VmstInstance("127.0.0.1") as here, VmstInstance("127.0.0.2") as there:
        here.start()
        there.start()
        add_emoji(here, "blobwave")
        add_emoji(there, "blobfar")
        users = {"emma": make_user(here, "emma"), "bob": make_user(there, "bob")}
        assert api(here, "PATCH", "/api/v1/accounts/update_credentials", users["emma"].token, form={
            "display_name": ":blobwave: Emma <b>", "note": "Waves :blobwave: a lot",
            "fields_attributes[0][name]": "Mood :blobwave:", "fields_attributes[0][value]": "fine :blobwave:"}).status == 200
        assert api(there, "PATCH", "/api/v1/accounts/update_credentials", users["bob"].token,
                   form={"display_name": "Bob :blobfar:"}).status == 200
        post = lambda vmst, user, text, **kw: api(vmst, "POST", "/api/v1/statuses", users[user].token,
                                                  json_body={"status": text, **kw}).json()
        statuses = {
            "emoji": post(here, "emma", "Hello :blobwave: and :unknown_one: and :blobfar:", spoiler_text="cw :blobwave:"),
            "private": post(here, "emma", "followers only", visibility="private"),
            "poll": post(here, "emma", "Pick one :blobwave:",
                         poll={"options": ["Yes :blobwave:", "No <b>"], "expires_in": 3600, "multiple": True}),
        }
        yield here, there, f"127.0.0.3:{stub.server_address[1]}", users, statuses
    stub.shutdown()


def page(vmst, path):
    return vmst.request("GET", path, headers=HTML)


def emoji_img(shortcode, src_prefix):
    return re.compile(r'<img draggable="false" class="emojione custom-emoji" alt=":%s:" title=":%s:" src="%s[^"]+\.png">'
                      % (shortcode, shortcode, re.escape(src_prefix)))


def test_local_custom_emoji_are_drawn_in_names_bios_fields_and_posts(network):
    here, _, _, _, statuses = network
    local = emoji_img("blobwave", f"{here.base_url}/system/media/custom_emojis/")
    profile = page(here, "/@emma")
    assert profile.status == 200
    h1 = re.search(r"<h1>(.*?)</h1>", profile.body).group(1)
    assert local.search(h1) and "Emma &lt;b&gt;" in h1
    assert local.search(profile.body.split('class="profile-note prose"')[1].split("</div>")[0])
    fields = profile.body.split('<dl class="fields">')[1].split("</dl>")[0]
    assert len(local.findall(fields)) == 2
    # The title and preview tags stay plain text.
    assert "<title>:blobwave: Emma &lt;b&gt; (" in profile.body

    permalink = page(here, f"/@emma/{statuses['emoji']['id']}")
    assert permalink.status == 200
    card = permalink.body.split('<article class="status focused"')[1].split("</article>")[0]
    content = card.split('<div class="status-content">')[1].split("</div>")[0]
    assert local.search(content)
    # Only this server's emoji for a local post: unknown ones and a remote server's shortcode stay text.
    assert ":unknown_one:" in content and ":blobfar:" in content
    assert local.search(card.split("<summary>")[1].split("</summary>")[0])
    assert local.search(card.split('class="display-name">')[1].split("</strong>")[0])


def test_a_permalink_shows_a_polls_options_and_results(network):
    here, _, _, _, statuses = network
    r = page(here, f"/@emma/{statuses['poll']['id']}")
    poll = r.body.split('<div class="poll">')[1].split("</div>")[0]
    options = re.findall(r'<span class="poll-option">(.*?)</span><span class="poll-share">(\d+)%</span>', poll)
    assert [share for _, share in options] == ["0", "0"]
    assert emoji_img("blobwave", here.base_url).search(options[0][0]) and options[1][0] == "No &lt;b&gt;"
    assert '<p class="poll-summary">0 people · Closes ' in poll


def test_a_remote_servers_emoji_are_drawn_on_its_posts_here(network):
    here, there, _, users, _ = network
    emma = users["emma"].token
    found = api(here, "GET", "/api/v2/search", emma,
                query={"q": f"@bob@{there.domain}", "resolve": "true", "type": "accounts"}).json()["accounts"]
    assert found, here.log()[-3000:]
    assert api(here, "POST", f"/api/v1/accounts/{found[0]['id']}/follow", emma).status == 200
    assert wait_until(lambda: api(here, "GET", "/api/v1/accounts/relationships", emma,
                                  query={"id[]": found[0]["id"]}).json()[0]["following"]), here.log()[-3000:]
    api(there, "POST", "/api/v1/statuses", users["bob"].token, json_body={"status": "From afar :blobfar: waves"})
    arrived = wait_until(lambda: [s for s in api(here, "GET", "/api/v1/timelines/home", emma).json()
                                  if "From afar" in s["content"]])
    assert arrived and arrived[0]["emojis"][0]["shortcode"] == "blobfar", (arrived, here.log()[-3000:])
    # The origin's image until the remote media cache has copied it, our copy after.
    origin = emoji_img("blobfar", f"{there.base_url}/system/media/custom_emojis/")
    copied = emoji_img("blobfar", f"{here.base_url}/system/media/cache/custom_emojis/")
    remote = lambda html: origin.search(html) or copied.search(html)
    profile = page(here, f"/@bob@{there.domain}")
    assert profile.status == 200
    content = profile.body.split('<div class="status-content">')[1].split("</div>")[0]
    assert "From afar" in content and remote(content)
    assert remote(re.search(r"<h1>(.*?)</h1>", profile.body).group(1))


def interaction_form(vmst, uri):
    r = page(vmst, "/interact?uri=" + quote(uri, safe=""))
    assert r.status == 200, r.body
    token = re.search(r'name="authenticity_token" value="([^"]+)"', r.body).group(1)
    cookie = r.headers["set-cookie"].split(";")[0]
    return r, token, cookie


def submit(vmst, uri, handle, token, cookie):
    body = urllib.parse.urlencode({"uri": uri, "handle": handle, "authenticity_token": token})
    return vmst.request("POST", "/interact", body=body, headers={
        **HTML, "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})


def test_our_webfinger_advertises_the_interaction_template(network):
    here, _, _, _, _ = network
    jrd = here.request("GET", f"/.well-known/webfinger?resource=acct:emma@{here.domain}").json()
    links = [link for link in jrd["links"] if link["rel"] == "http://ostatus.org/schema/1.0/subscribe"]
    assert links == [{"rel": "http://ostatus.org/schema/1.0/subscribe",
                      "template": f"{here.base_url}/authorize_interaction?uri={{uri}}"}]


def test_follow_from_another_server_goes_to_its_subscribe_template(network):
    here, there, _, _, _ = network
    emma_uri = f"{here.base_url}/users/emma"
    profile = page(here, "/@emma")
    assert f'<a class="button" href="/interact?uri={quote(emma_uri, safe="")}">Follow</a>' in profile.body

    form, token, cookie = interaction_form(here, emma_uri)
    assert "<script" not in form.body and "Follow :blobwave: Emma &lt;b&gt;" in form.body
    assert 'name="handle"' in form.body and '<label for="handle">' in form.body
    assert "HttpOnly" in form.headers["set-cookie"] and "SameSite=Lax" in form.headers["set-cookie"]
    csp = form.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "form-action 'self' https: http:" in csp and "frame-ancestors 'none'" in csp
    assert '<meta name="robots" content="noindex' in form.body

    r = submit(here, emma_uri, f" @bob@{there.domain} ", token, cookie)
    assert r.status == 302, r.body
    assert r.headers["location"] == f"{there.base_url}/authorize_interaction?uri={quote(emma_uri, safe='')}"
    # The other server takes it from there (it does not know emma yet: it offers to sign in and look her up).
    landing = page(there, urllib.parse.urlparse(r.headers["location"]).path + "?" +
                   urllib.parse.urlparse(r.headers["location"]).query)
    assert landing.status == 200 and emma_uri in urllib.parse.unquote(landing.body)

    # The token works once.
    again = submit(here, emma_uri, f"bob@{there.domain}", token, cookie)
    assert again.status == 403 and "expired" in again.body and f'value="bob@{there.domain}"' in again.body


def test_reply_boost_and_favourite_from_another_server_on_a_permalink(network):
    here, there, _, _, statuses = network
    status = statuses["emoji"]
    permalink = page(here, f"/@emma/{status['id']}")
    link = f'href="/interact?uri={quote(status["uri"], safe="")}"'
    actions = permalink.body.split('<nav class="status-actions"')[1].split("</nav>")[0]
    assert actions.count(link) == 3 and ">Reply<" in actions and ">Boost<" in actions and ">Favourite<" in actions

    form, token, cookie = interaction_form(here, status["uri"])
    assert "Hello " in form.body and "reply, boost or favourite" in form.body
    r = submit(here, status["uri"], f"bob@{there.domain}", token, cookie)
    assert r.status == 302
    assert r.headers["location"] == f"{there.base_url}/authorize_interaction?uri={quote(status['uri'], safe='')}"
    # A handle on this server needs no lookup: it goes to our own interaction page.
    _, token, cookie = interaction_form(here, status["uri"])
    r = submit(here, status["uri"], f"emma@{here.domain}", token, cookie)
    assert r.status == 302
    assert r.headers["location"] == f"{here.base_url}/authorize_interaction?uri={quote(status['uri'], safe='')}"


@pytest.mark.parametrize("handle, status, message", [
    ("nobody@{there}", 404, "could not be found"),
    ("someone@{stub}", 422, "does not say where to follow or interact from"),
    ("just-a-name", 422, "like you@your.server"),
    ("", 422, "like you@your.server"),
])
def test_a_handle_that_cannot_be_used_shows_the_form_again_with_the_reason(network, handle, status, message):
    here, there, stub, _, _ = network
    emma_uri = f"{here.base_url}/users/emma"
    _, token, cookie = interaction_form(here, emma_uri)
    r = submit(here, emma_uri, handle.format(there=there.domain, stub=stub), token, cookie)
    assert r.status == status, r.body
    assert message in r.body and 'class="form-error" role="alert"' in r.body
    assert 'name="authenticity_token"' in r.body and "location" not in r.headers


def test_the_form_is_only_offered_for_public_things_here_and_needs_its_token(network):
    here, _, _, _, statuses = network
    assert page(here, "/interact?uri=" + quote(statuses["private"]["uri"], safe="")).status == 404
    assert page(here, "/interact?uri=" + quote("https://elsewhere.example/users/x", safe="")).status == 404
    assert page(here, "/interact").status == 400
    emma_uri = f"{here.base_url}/users/emma"
    _, token, cookie = interaction_form(here, emma_uri)
    forged = submit(here, emma_uri, "bob@elsewhere.example", "not-the-token", cookie)
    assert forged.status == 403 and "location" not in forged.headers
    no_cookie = submit(here, emma_uri, "bob@elsewhere.example", token, "other=1")
    assert no_cookie.status == 403 and "location" not in no_cookie.headers
