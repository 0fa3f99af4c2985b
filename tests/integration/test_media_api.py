"""Uploads through /api/v1/media and /api/v2/media: stored (images re-encoded), served, changed, refused, private."""
from api_client import api, make_user, tiny_png


def upload(vmst, token, data, version="v2", filename="picture.png", content_type="image/png", **fields):
    return api(vmst, "POST", f"/api/{version}/media", token, form=fields,
               files={"file": (filename, data, content_type)})


def path_of(vmst, url):
    assert url.startswith(vmst.base_url + "/system/media/"), url
    return url[len(vmst.base_url):]


def test_v1_and_v2_uploads_answer_200_with_a_ready_attachment(vmst):
    token = make_user(vmst, "alice").token
    image = tiny_png(4, 3)
    for version in ("v1", "v2"):
        r = upload(vmst, token, image, version, description="a red box", focus="0.5,-0.5")
        assert r.status == 200, r
        assert r.headers["content-type"] == "application/json; charset=utf-8"
        media = r.json()
        assert media["id"].isdigit()
        assert media["type"] == "image"
        assert media["url"] and media["preview_url"] and media["preview_url"] != media["url"]
        assert media["remote_url"] is None
        assert media["description"] == "a red box"
        assert len(media["blurhash"]) == 36
        assert media["meta"]["original"] == {"width": 4, "height": 3, "size": "4x3", "aspect": 4 / 3}
        assert media["meta"]["small"] == media["meta"]["original"]
        assert media["meta"]["focus"] == {"x": 0.5, "y": -0.5}


def test_the_uploaded_file_is_served_with_type_caching_sandboxing_and_ranges(vmst):
    token = make_user(vmst, "alice").token
    image = tiny_png(40, 30)
    media = upload(vmst, token, image, "v1", filename="whatever.bin", content_type="application/octet-stream").json()
    path = path_of(vmst, media["url"])
    served = api(vmst, "GET", path)
    assert served.status == 200
    image = served.content  # the re-encoded file
    assert image.startswith(b"\x89PNG") and int.from_bytes(image[16:20], "big") == 40
    assert served.headers["content-type"] == "image/png"
    assert served.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-security-policy"] == "default-src 'none'; sandbox"

    part = api(vmst, "GET", path, headers={"Range": "bytes=8-15"})
    assert part.status == 206
    assert part.content == image[8:16]
    assert part.headers["content-range"] == f"bytes 8-15/{len(image)}"


def test_served_paths_cannot_leave_the_media_folder(vmst):
    for path in ["/system/media/../vmst.db", "/system/media/%2e%2e/vmst.db", "/system/media/..%2fvmst.db",
                 "/system/media/media_attachments", "/system/media/nothing/here.png", "/system/media/"]:
        r = api(vmst, "GET", path)
        assert r.status == 404, (path, r)
        assert r.json() == {"error": "Record not found"}


def test_an_upload_can_be_read_back_and_changed_by_its_owner(vmst):
    token = make_user(vmst, "alice").token
    media = upload(vmst, token, tiny_png(2, 2)).json()
    got = api(vmst, "GET", f"/api/v1/media/{media['id']}", token)
    assert got.status == 200 and got.json() == media

    changed = api(vmst, "PUT", f"/api/v1/media/{media['id']}", token, json_body={"description": "new words", "focus": "-1,1"})
    assert changed.status == 200, changed
    assert changed.json()["description"] == "new words"
    assert changed.json()["meta"]["focus"] == {"x": -1.0, "y": 1.0}
    form = api(vmst, "PUT", f"/api/v1/media/{media['id']}", token, form={"description": "by form"})
    assert form.json()["description"] == "by form"
    assert api(vmst, "GET", f"/api/v1/media/{media['id']}", token).json()["description"] == "by form"

    too_long = api(vmst, "PUT", f"/api/v1/media/{media['id']}", token, json_body={"description": "x" * 1501})
    assert too_long.status == 422
    assert too_long.json() == {"error": "Validation failed: Description is too long (maximum is 1500 characters)"}

    assert api(vmst, "DELETE", f"/api/v1/media/{media['id']}", token).json() == {}
    assert api(vmst, "GET", f"/api/v1/media/{media['id']}", token).status == 404
    assert api(vmst, "GET", path_of(vmst, media["url"])).status == 404


def test_another_users_media_is_not_found(vmst):
    alice = make_user(vmst, "alice").token
    bob = make_user(vmst, "bob").token
    media = upload(vmst, alice, tiny_png(2, 2)).json()
    for method, body in [("GET", None), ("PUT", {"description": "mine now"}), ("DELETE", None)]:
        r = api(vmst, method, f"/api/v1/media/{media['id']}", bob, json_body=body)
        assert r.status == 404, (method, r)
        assert r.json() == {"error": "Record not found"}
    assert api(vmst, "GET", "/api/v1/media/not-a-number", alice).status == 404
    assert api(vmst, "GET", f"/api/v1/media/{media['id']}", alice).json()["description"] is None


def test_unknown_types_oversized_files_and_missing_files_are_refused_with_422(vmst_stopped):
    vmst = vmst_stopped
    vmst.edit_config("[auth]", "[media]\nimage_size_limit = 2048\n\n[auth]")
    vmst.start()
    token = make_user(vmst, "alice").token

    r = upload(vmst, token, b"<html><script>alert(1)</script></html>", filename="evil.png")
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: File content type is invalid (the content is text/html)"}

    r = upload(vmst, token, tiny_png(64, 64) + b"\0" * 4096)
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: File file size must be less than 2 KB"}

    r = api(vmst, "POST", "/api/v2/media", token, form={"description": "no file"})
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: File can't be blank"}
    r = api(vmst, "POST", "/api/v1/media", token, files={"thumbnail": ("t.png", tiny_png(1, 1), "image/png")})
    assert r.status == 422

    assert api(vmst, "POST", "/api/v2/media", None, files={"file": ("a.png", tiny_png(1, 1), "image/png")}).status == 401
    read_only = make_user(vmst, "reader", scopes="read").token
    assert upload(vmst, read_only, tiny_png(1, 1)).status == 403


def test_mastodon_py_uploads_and_updates_media(vmst):
    from mastodon import Mastodon
    token = make_user(vmst, "alice").token
    client = Mastodon(access_token=token, api_base_url=vmst.base_url)
    media = client.media_post(tiny_png(3, 5), mime_type="image/png", description="from Mastodon.py", synchronous=True)
    assert media.url and media.meta.original.size == "3x5"
    updated = client.media_update(media, description="changed", focus=(0.25, 0.75))
    assert updated.description == "changed"
    assert updated.meta.focus == {"x": 0.25, "y": 0.75}
    assert client.media(media).description == "changed"
