"""The instance endpoints: v1 and v2 with every key client-api.md §3 marks required, the sub-resources, and what
real clients (Mastodon.py 1.8, toot 0.34) make of them."""
import hashlib
import os
import re
import subprocess
import tempfile

import pytest

from api_client import api, json_response, make_user, sql

V1_REQUIRED = ["uri", "title", "short_description", "description", "email", "version", "urls", "stats", "languages",
               "registrations", "approval_required", "invites_enabled", "configuration", "rules"]
V1_NULLABLE = ["thumbnail", "contact_account"]
V2_REQUIRED = ["domain", "title", "version", "source_url", "description", "usage", "thumbnail", "icon", "languages",
               "configuration", "registrations", "api_versions", "contact", "rules"]
MEDIA_LIMITS = ["supported_mime_types", "image_size_limit", "image_matrix_limit", "video_size_limit",
                "video_frame_rate_limit", "video_matrix_limit"]
POLL_LIMITS = ["max_options", "max_characters_per_option", "min_expiration", "max_expiration"]
STATUS_LIMITS = ["max_characters", "max_media_attachments", "characters_reserved_per_url"]


def test_instance_v1_has_every_required_key_with_the_documented_types(vmst):
    body = json_response(api(vmst, "GET", "/api/v1/instance"))
    for key in V1_REQUIRED:
        assert key in body and body[key] is not None, key
    for key in V1_NULLABLE:
        assert key in body, key
    assert body["uri"] == vmst.domain  # bare domain, no scheme
    assert body["title"] == "vmst test"
    assert re.match(r"^4\.3\.0 \(compatible; vmst \d+\.\d+\.\d+\)$", body["version"]), body["version"]
    assert body["urls"]["streaming_api"] == vmst.streaming_url
    assert set(body["stats"]) == {"user_count", "status_count", "domain_count"}
    assert all(isinstance(v, int) for v in body["stats"].values())
    assert body["registrations"] is False and body["approval_required"] is False
    config = body["configuration"]
    assert isinstance(config["accounts"]["max_featured_tags"], int)
    for key in STATUS_LIMITS:
        assert isinstance(config["statuses"][key], int), key
    for key in MEDIA_LIMITS:
        assert key in config["media_attachments"], key
    assert "image/png" in config["media_attachments"]["supported_mime_types"]
    assert config["media_attachments"]["image_size_limit"] == 16 * 1024 * 1024
    assert config["media_attachments"]["video_size_limit"] == 99 * 1024 * 1024
    for key in POLL_LIMITS:
        assert isinstance(config["polls"][key], int), key
    assert body["contact_account"] is None
    assert body["rules"] == []


def test_instance_v2_has_every_required_key_with_the_documented_types(vmst):
    body = json_response(api(vmst, "GET", "/api/v2/instance"))
    for key in V2_REQUIRED:
        assert key in body and body[key] is not None, key
    assert body["domain"] == vmst.domain
    assert body["version"].startswith("4.3.0 (compatible; vmst ")
    assert isinstance(body["usage"]["users"]["active_month"], int)
    assert body["thumbnail"]["url"].startswith(vmst.base_url)
    assert "blurhash" in body["thumbnail"]
    assert all(set(icon) == {"src", "size"} for icon in body["icon"]) and body["icon"]
    config = body["configuration"]
    urls = config["urls"]
    assert urls["streaming"] == vmst.streaming_url
    for key in ["status", "about", "privacy_policy", "terms_of_service"]:
        assert key in urls, key
    assert "public_key" in config["vapid"]
    for key in ["max_featured_tags", "max_pinned_statuses", "max_display_name_length", "max_note_length",
                "max_profile_fields", "profile_field_name_limit", "profile_field_value_limit"]:
        assert isinstance(config["accounts"][key], int), key
    for key in STATUS_LIMITS:
        assert isinstance(config["statuses"][key], int), key
    for key in MEDIA_LIMITS + ["description_limit"]:
        assert key in config["media_attachments"], key
    for key in POLL_LIMITS:
        assert isinstance(config["polls"][key], int), key
    assert config["translation"] == {"enabled": False}
    registrations = body["registrations"]
    assert registrations["enabled"] is False and registrations["approval_required"] is False
    for key in ["message", "min_age", "reason_required", "url"]:
        assert key in registrations, key
    assert body["api_versions"] == {"mastodon": 2}
    assert body["contact"] == {"email": "", "account": None}
    assert body["rules"] == []


def test_instance_is_served_with_a_trailing_slash_as_mastodon_py_asks(vmst):
    assert api(vmst, "GET", "/api/v1/instance/").status == 200
    assert api(vmst, "GET", "/api/v2/instance/").status == 200


def test_stats_rules_contact_and_registrations_come_from_the_database_and_config(vmst_stopped):
    vmst = vmst_stopped
    vmst.edit_config('title = "vmst test"', 'title = "vmst test"\ncontact_email = "admin@example.org"\n'
                                             'registrations = "approval"')
    vmst.start()
    make_user(vmst, "boss", admin=True)
    make_user(vmst, "someone")
    sql(vmst, "INSERT INTO instance_rules (id, position, text, hint, created_at, updated_at)"
              " VALUES (7, 1, 'Be kind', 'Really', 0, 0)")
    sql(vmst, "INSERT INTO instances (domain, first_seen_at) VALUES ('peer.example', 0)")

    v1 = api(vmst, "GET", "/api/v1/instance").json()
    assert v1["stats"]["user_count"] == 2
    assert v1["stats"]["domain_count"] == 1
    assert v1["email"] == "admin@example.org"
    assert v1["registrations"] is True and v1["approval_required"] is True
    assert v1["contact_account"]["username"] == "boss"
    assert v1["rules"] == [{"id": "7", "text": "Be kind", "hint": "Really"}]

    v2 = api(vmst, "GET", "/api/v2/instance").json()
    assert v2["contact"]["email"] == "admin@example.org"
    assert v2["contact"]["account"]["acct"] == "boss"
    assert v2["registrations"]["enabled"] is True and v2["registrations"]["approval_required"] is True
    assert v2["rules"] == v1["rules"]

    # NodeInfo and the instance API count the same users.
    nodeinfo = vmst.request("GET", "/nodeinfo/2.0").json()
    assert nodeinfo["usage"]["users"]["total"] == v1["stats"]["user_count"]
    assert nodeinfo["usage"]["localPosts"] == v1["stats"]["status_count"]

    assert api(vmst, "GET", "/api/v1/instance/rules").json() == v1["rules"]
    assert api(vmst, "GET", "/api/v1/instance/peers").json() == ["peer.example"]


def test_instance_sub_resources_answer_in_mastodons_shapes(vmst):
    assert json_response(api(vmst, "GET", "/api/v1/instance/activity")) == []
    assert json_response(api(vmst, "GET", "/api/v1/instance/peers")) == []
    assert json_response(api(vmst, "GET", "/api/v1/instance/translation_languages")) == {}
    languages = json_response(api(vmst, "GET", "/api/v1/instance/languages"))
    assert {"code": "en", "name": "English"} in languages
    assert all(set(lang) == {"code", "name"} for lang in languages)
    assert json_response(api(vmst, "GET", "/api/v1/instance/extended_description")) == \
        {"updated_at": None, "content": ""}
    assert json_response(api(vmst, "GET", "/api/v1/instance/privacy_policy"), 404) == \
        {"error": "Record not found"}
    assert json_response(api(vmst, "GET", "/api/v1/instance/terms_of_service"), 404) == \
        {"error": "Record not found"}
    assert json_response(api(vmst, "GET", "/api/v1/instance/domain_blocks")) == []


def test_pages_are_rendered_from_markdown(vmst):
    sql(vmst, "INSERT INTO instance_pages (slug, title, markdown, updated_at) VALUES"
              " ('privacy_policy', 'Privacy', '# Privacy on %{domain}', 1700000000123),"
              " ('about', 'About', 'We are *small*.', 1700000000000),"
              " ('terms_of_service', 'Terms', 'Be nice.', 1700000000000)")
    policy = api(vmst, "GET", "/api/v1/instance/privacy_policy").json()
    assert policy == {"updated_at": "2023-11-14T22:13:20.123Z", "content": f"<h1>Privacy on {vmst.domain}</h1>\n"}
    about = api(vmst, "GET", "/api/v1/instance/extended_description").json()
    assert about["content"] == "<p>We are <em>small</em>.</p>\n"
    terms = api(vmst, "GET", "/api/v1/instance/terms_of_service").json()
    assert terms == {"effective_date": "2023-11-14", "effective": True, "content": "<p>Be nice.</p>\n",
                     "succeeded_by": None}
    urls = api(vmst, "GET", "/api/v2/instance").json()["configuration"]["urls"]
    assert urls["privacy_policy"] and urls["terms_of_service"]


def test_public_domain_blocks_show_severity_digest_and_obfuscated_names(vmst):
    sql(vmst, "INSERT INTO domain_blocks (domain, severity, public_comment, obfuscate, created_at, updated_at) VALUES"
              " ('example.com', 'suspend', 'spam', 1, 0, 0), ('quiet.example', 'silence', '', 0, 0, 0),"
              " ('noop.example', 'noop', '', 0, 0, 0)")
    blocks = api(vmst, "GET", "/api/v1/instance/domain_blocks").json()
    assert blocks == [
        {"domain": "quiet.example", "digest": hashlib.sha256(b"quiet.example").hexdigest(), "severity": "silence",
         "comment": None},
        {"domain": "exa****.*om", "digest": hashlib.sha256(b"example.com").hexdigest(), "severity": "suspend",
         "comment": "spam"},
    ]
    assert api(vmst, "GET", "/api/v1/instance/peers").json() == []


def test_mastodon_py_accepts_our_version_and_reads_the_instance(vmst):
    from mastodon import Mastodon
    token = make_user(vmst, "alice").token
    client = Mastodon(access_token=token, api_base_url=vmst.base_url)  # 1.8 reads /api/v1/instance/ here
    assert client.retrieve_mastodon_version() == "4.3.0"
    assert client.verify_minimum_version("3.5.0", cached=True)
    instance = client.instance()
    assert instance.uri == vmst.domain and instance.title == "vmst test"
    assert client.instance_rules() == []
    assert client.instance_peers() == []
    assert client.instance_activity() == []
    assert client.stream_healthy()  # via urls.streaming_api, then /api/v1/streaming/health


def test_toot_instance_prints_title_uri_and_version(vmst):
    with tempfile.TemporaryDirectory() as home:
        result = subprocess.run(["toot", "instance", vmst.domain, "--disable-https"], capture_output=True, text=True,
                                env=dict(os.environ, HOME=home), timeout=60)
    assert result.returncode == 0, result.stderr
    assert "vmst test" in result.stdout
    assert vmst.domain in result.stdout
    assert "running Mastodon 4.3.0 (compatible; vmst" in result.stdout
