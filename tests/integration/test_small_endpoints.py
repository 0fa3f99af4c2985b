"""Endpoints clients call at start-up that must answer in their documented shapes rather than 404: preferences,
custom emoji, the directory, and the empty answers of features not built yet (client-api.md §2.9)."""

from api_client import api, json_response, make_user, sql


def test_preferences_default_to_mastodons_and_follow_the_users_settings(vmst):
    token = make_user(vmst, "alice").token
    assert json_response(api(vmst, "GET", "/api/v1/preferences", token)) == {
        "posting:default:visibility": "public",
        "posting:default:sensitive": False,
        "posting:default:language": None,
        "reading:expand:media": "default",
        "reading:expand:spoilers": False,
    }
    sql(vmst, "UPDATE users SET settings = ? WHERE account_id = (SELECT id FROM accounts WHERE username = 'alice')",
        '{"default_privacy": "private", "default_language": "fr", "expand_spoilers": true}')
    prefs = json_response(api(vmst, "GET", "/api/v1/preferences", token))
    assert prefs["posting:default:visibility"] == "private"
    assert prefs["posting:default:language"] == "fr"
    assert prefs["reading:expand:spoilers"] is True
    assert api(vmst, "GET", "/api/v1/preferences").status == 401


def test_custom_emojis_lists_the_enabled_local_ones(vmst):
    assert json_response(api(vmst, "GET", "/api/v1/custom_emojis")) == []
    sql(vmst, "INSERT INTO custom_emojis (id, shortcode, image_path, category, visible_in_picker, disabled,"
              " created_at, updated_at) VALUES (1, 'blobcat', 'custom_emojis/1/blobcat.png', 'Blobs', 1, 0, 0, 0),"
              " (2, 'hidden', 'custom_emojis/2/hidden.png', NULL, 0, 0, 0, 0),"
              " (3, 'off', 'custom_emojis/3/off.png', NULL, 1, 1, 0, 0)")
    sql(vmst, "INSERT INTO custom_emojis (id, shortcode, domain, image_remote_url, created_at, updated_at)"
              " VALUES (4, 'remote', 'other.example', 'https://other.example/e.png', 0, 0)")
    url = f"{vmst.base_url}/system/media/custom_emojis/1/blobcat.png"
    assert json_response(api(vmst, "GET", "/api/v1/custom_emojis")) == [
        {"shortcode": "blobcat", "url": url, "static_url": url, "visible_in_picker": True, "category": "Blobs"},
        {"shortcode": "hidden", "url": f"{vmst.base_url}/system/media/custom_emojis/2/hidden.png",
         "static_url": f"{vmst.base_url}/system/media/custom_emojis/2/hidden.png", "visible_in_picker": False,
         "category": None},
    ]


def test_directory_lists_discoverable_accounts_by_activity_or_age(vmst):
    make_user(vmst, "alice")
    make_user(vmst, "bob")
    make_user(vmst, "carol")
    viewer = make_user(vmst, "dave").token
    sql(vmst, "UPDATE accounts SET discoverable = 0")
    assert json_response(api(vmst, "GET", "/api/v1/directory")) == []  # nobody opted in
    sql(vmst, "UPDATE accounts SET discoverable = 1 WHERE username IN ('alice', 'bob', 'carol')")
    sql(vmst, "UPDATE account_stats SET last_status_at = 2000 WHERE account_id = (SELECT id FROM accounts WHERE username = 'alice')")
    sql(vmst, "UPDATE account_stats SET last_status_at = 3000 WHERE account_id = (SELECT id FROM accounts WHERE username = 'carol')")

    active = json_response(api(vmst, "GET", "/api/v1/directory?local=true"))
    assert [a["username"] for a in active] == ["carol", "alice", "bob"]
    assert all("acct" in a and "avatar" in a for a in active)
    newest = json_response(api(vmst, "GET", "/api/v1/directory?order=new"))
    assert [a["username"] for a in newest] == ["carol", "bob", "alice"]
    page = json_response(api(vmst, "GET", "/api/v1/directory?order=new&offset=1&limit=1"))
    assert [a["username"] for a in page] == ["bob"]
    assert len(json_response(api(vmst, "GET", "/api/v1/directory?limit=500"))) == 3  # clamped, not refused

    sql(vmst, "INSERT INTO blocks (id, account_id, target_account_id, created_at) SELECT 1, d.id, c.id, 0"
              " FROM accounts d, accounts c WHERE d.username = 'dave' AND c.username = 'carol'")
    assert [a["username"] for a in json_response(api(vmst, "GET", "/api/v1/directory", viewer))] == ["alice", "bob"]
    assert api(vmst, "GET", "/api/v1/directory?limit=lots").status == 400


def test_features_not_built_yet_answer_empty_in_their_documented_shapes(vmst):
    token = make_user(vmst, "alice").token
    for path in ["/api/v1/trends", "/api/v1/trends/tags", "/api/v1/trends/statuses", "/api/v1/trends/links"]:
        assert json_response(api(vmst, "GET", path)) == [], path
    for path in ["/api/v1/announcements", "/api/v1/suggestions", "/api/v2/suggestions", "/api/v1/endorsements",
                 "/api/v1/featured_tags", "/api/v1/followed_tags", "/api/v1/scheduled_statuses",
                 "/api/v1/notifications/requests"]:
        assert json_response(api(vmst, "GET", path, token)) == [], path
        assert api(vmst, "GET", path).status == 401, path
    assert json_response(api(vmst, "POST", "/api/v1/announcements/1/dismiss", token)) == {}
    assert json_response(api(vmst, "PUT", "/api/v1/announcements/1/reactions/%F0%9F%91%8D", token)) == {}
    assert json_response(api(vmst, "DELETE", "/api/v1/announcements/1/reactions/%F0%9F%91%8D", token)) == {}
    assert json_response(api(vmst, "DELETE", "/api/v1/suggestions/123", token)) == {}

    assert json_response(api(vmst, "GET", "/api/v1/push/subscription", token), 404) == {"error": "Record not found"}
    assert json_response(api(vmst, "GET", "/api/v2/notifications/policy", token)) == {
        "for_not_following": "accept",
        "for_not_followers": "accept",
        "for_new_accounts": "accept",
        "for_private_mentions": "filter",
        "for_limited_accounts": "filter",
        "summary": {"pending_requests_count": 0, "pending_notifications_count": 0},
    }
    # Translation is off (configuration.translation.enabled is false); Mastodon then answers 404.
    assert json_response(api(vmst, "POST", "/api/v1/statuses/1/translate", token), 404) == {"error": "Record not found"}


def test_streaming_health_answers_ok_in_plain_text_on_the_main_listener(vmst):
    r = api(vmst, "GET", "/api/v1/streaming/health")
    assert r.status == 200
    assert r.content == b"OK"
    assert r.headers["content-type"].startswith("text/plain")


def test_empty_list_endpoints_are_cors_enabled_for_browser_clients(vmst):
    r = api(vmst, "GET", "/api/v1/trends/tags", headers={"Origin": "https://elk.zone"})
    assert r.headers.get("access-control-allow-origin") == "*"


def test_the_link_timeline_answers_not_found_for_a_link_without_a_trending_card(vmst):
    # Mastodon 4.3 serves /api/v1/timelines/link only for trending preview cards; none are kept here.
    alice = make_user(vmst, "alice")
    for token in (None, alice.token):
        r = api(vmst, "GET", "/api/v1/timelines/link?url=https%3A%2F%2Fexample.org%2Fa", token)
        assert (r.status, r.json()) == (404, {"error": "Record not found"})
    r = api(vmst, "GET", "/api/v1/timelines/link?url=x", "not-a-token")
    assert r.status == 401
