"""Image processing of uploads and profile images: re-encoded without metadata, upright, previews and blurhash;
bombs and files lying about their type refused; each accepted type through Mastodon.py and masto.js."""
import json
import os
import subprocess
import time

import pytest
from PIL import Image

import media_samples
from api_client import api, make_user
import harness
from harness import VmstInstance

MASTO_DIR = os.path.join(os.path.dirname(__file__), "masto_client")


@pytest.fixture(scope="module")
def server():
    with VmstInstance() as instance:
        instance.start()
        instance.token = make_user(instance, "alice").token
        yield instance


def upload(vmst, data, filename, content_type):
    return api(vmst, "POST", "/api/v2/media", vmst.token, files={"file": (filename, data, content_type)})


def fetch(vmst, url):
    assert url.startswith(vmst.base_url), url
    r = api(vmst, "GET", url[len(vmst.base_url):])
    assert r.status == 200, (url, r.status)
    return r


def saved(vmst, name, data):
    path = os.path.join(vmst.dir, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def mapped_libraries(vmst):
    with open(f"/proc/{vmst.process.pid}/maps") as maps:
        return {line.split()[-1].rsplit("/", 1)[-1] for line in maps if "/" in line}


def links_libvips(binary):
    needed = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    return "[libvips.so" in needed


@pytest.mark.skipif(links_libvips(harness.BINARY),
                    reason="sanitizer builds link libvips (CMakeLists.txt: LeakSanitizer and dynamic TLS)")
def test_libvips_is_opened_on_the_first_image_not_at_startup():
    with VmstInstance() as vmst:
        vmst.start()
        token = make_user(vmst, "bob").token
        assert api(vmst, "POST", "/api/v1/statuses", token, json_body={"status": "no pictures yet"}).status == 200
        assert api(vmst, "GET", "/api/v2/instance").status == 200
        assert not any(name.startswith(("libvips", "libglib", "librsvg")) for name in mapped_libraries(vmst))

        r = api(vmst, "POST", "/api/v2/media", token, files={"file": ("a.png", media_samples.png(8, 8), "image/png")})
        assert r.status == 200, r.body
        assert r.json()["meta"]["original"]["width"] == 8
        names = mapped_libraries(vmst)
        assert any(name.startswith("libvips.so") for name in names)
        # Only the HEIF module: none of the loaders libvips would find in its module folder.
        assert not any(name.startswith(("vips-magick", "vips-poppler", "vips-openslide")) for name in names)


def test_a_jpeg_comes_back_upright_without_gps_or_any_exif(server):
    path = saved(server, "gps.jpg", media_samples.jpeg(64, 48))
    media_samples.with_gps_and_orientation(path)
    before = media_samples.exif_tags(path)
    assert "EXIF:GPSLatitude" in before and before["EXIF:Model"] == "Secret Camera"

    with open(path, "rb") as f:
        r = upload(server, f.read(), "gps.jpg", "image/jpeg")
    assert r.status == 200, r.body
    media = r.json()
    assert media["type"] == "image"
    assert media["meta"]["original"] == {"width": 48, "height": 64, "size": "48x64", "aspect": 0.75}
    assert media["meta"]["small"]["width"] == 48
    assert len(media["blurhash"]) == 36

    for url in (media["url"], media["preview_url"]):
        served = saved(server, "served.jpg", fetch(server, url).content)
        after = media_samples.exif_tags(served)
        leaked = sorted(k for k in after if k.startswith(("EXIF:", "XMP:", "IPTC:", "MakerNotes:", "Composite:GPS")))
        assert leaked == [], leaked
        assert "Secret Camera" not in json.dumps(after)
        assert Image.open(served).size == (48, 64)


def test_a_large_image_is_scaled_into_a_small_preview(server):
    media = upload(server, media_samples.png(1280, 960), "big.png", "image/png").json()
    assert media["meta"]["original"]["size"] == "1280x960"
    assert media["meta"]["small"] == {"width": 640, "height": 480, "size": "640x480", "aspect": 640 / 480}
    assert Image.open(saved(server, "small", fetch(server, media["preview_url"]).content)).size == (640, 480)


def test_an_animated_gif_stays_animated(server):
    media = upload(server, media_samples.animated_gif(3), "anim.gif", "image/gif").json()
    served = fetch(server, media["url"])
    assert served.headers["content-type"] == "image/gif"
    assert Image.open(saved(server, "anim.gif", served.content)).n_frames == 3


def test_a_decompression_bomb_is_refused_quickly_from_its_header(server):
    bomb = media_samples.png_bomb()
    assert len(bomb) < 200_000
    started = time.monotonic()
    r = upload(server, bomb, "bomb.png", "image/png")
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: Image is too large: 20000x20000 pixels, more than the limit of "
                                 "33177600 pixels"}
    assert time.monotonic() - started < 5
    assert api(server, "GET", "/api/v1/instance").status == 200  # still serving


def test_a_file_lying_about_its_type_is_refused(server):
    r = upload(server, media_samples.png(), "photo.jpg", "image/jpeg")
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: File content does not match its declared type: "
                                 "declared image/jpeg, content is image/png"}
    r = upload(server, b"<html><body><script>alert(1)</script></body></html>", "photo.png", "image/png")
    assert r.status == 422
    assert r.json() == {"error": "Validation failed: File content type is invalid (the content is text/html)"}
    r = upload(server, media_samples.wav(), "sound.png", "image/png")
    assert r.status == 422
    assert "declared image/png, content is audio/wav" in r.json()["error"]


def test_the_instance_advertises_the_limits_and_accepted_types(server):
    v1 = api(server, "GET", "/api/v1/instance").json()["configuration"]["media_attachments"]
    v2 = api(server, "GET", "/api/v2/instance").json()["configuration"]["media_attachments"]
    for limits in (v1, v2):
        assert limits["image_matrix_limit"] == 33177600
        assert limits["image_size_limit"] == 16 * 1024 * 1024
        for mime in ("image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "audio/wav"):
            assert mime in limits["supported_mime_types"]


SAMPLES = [
    ("sample.jpg", "image/jpeg", media_samples.jpeg, "image", "image/jpeg"),
    ("sample.png", "image/png", media_samples.png, "image", "image/png"),
    ("sample.gif", "image/gif", media_samples.animated_gif, "image", "image/gif"),
    ("sample.webp", "image/webp", media_samples.webp, "image", "image/webp"),
    ("sample.mp4", "video/mp4", media_samples.mp4, "video", "video/mp4"),
    ("sample.wav", "audio/wav", media_samples.wav, "audio", "audio/wav"),
]


def test_every_type_uploads_through_mastodon_py(server):
    from mastodon import Mastodon
    client = Mastodon(access_token=server.token, api_base_url=server.base_url)
    for name, mime, make, kind, served_type in SAMPLES:
        data = make()
        media = client.media_post(data, mime_type=mime, description=name, file_name=name, synchronous=True)
        assert media.type == kind, name
        served = fetch(server, media.url)
        assert served.headers["content-type"] == served_type, name
        if kind != "image":
            assert served.content == data, name  # video and audio are stored as sent
        else:
            assert media.blurhash and media.meta.original.width > 0, name


def test_every_type_uploads_through_masto_js(server):
    files = [[saved(server, name, make()), mime] for name, mime, make, _, _ in SAMPLES]
    env = dict(os.environ, VMST_URL=server.base_url, VMST_TOKEN=server.token, VMST_FILES=json.dumps(files))
    result = subprocess.run(["node", "upload.mjs"], cwd=MASTO_DIR, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr + server.log()[-3000:]
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [a["type"] for a in answers] == [kind for _, _, _, kind, _ in SAMPLES]
    assert all(a["url"] for a in answers)
    assert all(a["blurhash"] for a in answers if a["type"] == "image")


def test_avatar_and_header_are_cropped_to_mastodons_sizes_with_defaults_before(server):
    me = api(server, "GET", "/api/v1/accounts/verify_credentials", server.token).json()
    for url in (me["avatar"], me["header"]):
        assert fetch(server, url).headers["content-type"] == "image/png"  # the default images are served

    avatar = media_samples.jpeg(300, 200)
    header = media_samples.png(900, 600)
    r = api(server, "PATCH", "/api/v1/accounts/update_credentials", server.token,
            files={"avatar": ("a.jpg", avatar, "image/jpeg"), "header": ("h.png", header, "image/png")})
    assert r.status == 200, r.body
    account = r.json()
    got_avatar = Image.open(saved(server, "avatar", fetch(server, account["avatar"]).content))
    got_header = Image.open(saved(server, "header", fetch(server, account["header"]).content))
    assert got_avatar.size == (400, 400)
    assert got_header.size == (1500, 500)

    r = api(server, "PATCH", "/api/v1/accounts/update_credentials", server.token,
            files={"avatar": ("a.png", media_samples.png_bomb(), "image/png")})
    assert r.status == 422
    assert "Image is too large" in r.json()["error"]


def test_an_animated_gif_avatar_and_header_stay_animated_with_still_first_frames(server):
    gif = media_samples.animated_gif(3, 20, 10)
    r = api(server, "PATCH", "/api/v1/accounts/update_credentials", server.token,
            files={"avatar": ("a.gif", gif, "image/gif"), "header": ("h.gif", gif, "image/gif")})
    assert r.status == 200, r.body
    account = r.json()
    for key, size in (("avatar", (400, 400)), ("header", (1500, 500))):
        served = fetch(server, account[key])
        assert served.headers["content-type"] == "image/gif"
        animation = Image.open(saved(server, key + ".gif", served.content))
        assert animation.size == size
        assert animation.is_animated and animation.n_frames == 3
        assert account[key + "_static"] != account[key]
        still = fetch(server, account[key + "_static"])
        assert still.headers["content-type"] == "image/png"
        frame = Image.open(saved(server, key + "-static.png", still.content))
        assert frame.size == size
        assert not getattr(frame, "is_animated", False)

    # A still avatar replaces the animation and its still frame.
    r = api(server, "PATCH", "/api/v1/accounts/update_credentials", server.token,
            files={"avatar": ("a.png", media_samples.png(50, 50), "image/png")})
    assert r.status == 200, r.body
    assert r.json()["avatar_static"] == r.json()["avatar"]
    for url in (account["avatar"], account["avatar_static"]):
        assert api(server, "GET", url[len(server.base_url):]).status == 404
