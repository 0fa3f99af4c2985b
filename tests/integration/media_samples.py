"""Media files for the upload tests, made here (Pillow, the wave module, exiftool) rather than kept as binaries."""
import io
import struct
import subprocess
import wave
import zlib

from PIL import Image


def gradient(width, height):
    image = Image.new("RGB", (width, height))
    image.putdata([(x * 255 // max(1, width - 1), y * 255 // max(1, height - 1), 128)
                   for y in range(height) for x in range(width)])
    return image


def encoded(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(width=64, height=48):
    return encoded(gradient(width, height), "JPEG", quality=90)


def png(width=40, height=30):
    return encoded(gradient(width, height), "PNG")


def webp(width=30, height=20):
    return encoded(gradient(width, height), "WEBP")


def animated_gif(frames=3, width=20, height=10):
    images = [Image.new("RGB", (width, height), colour) for colour in [(255, 0, 0), (0, 255, 0), (0, 0, 255)][:frames]]
    return encoded(images[0], "GIF", save_all=True, append_images=images[1:], duration=100, loop=0)


def wav(seconds=0.1):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))
    return out.getvalue()


def mp4():
    """An ISO base media file: an ftyp box and an empty mdat, which is what identifies MP4 to libmagic."""
    ftyp = b"ftyp" + b"isom" + struct.pack(">I", 512) + b"isomiso2avc1mp41"
    return struct.pack(">I", 8 + len(ftyp)) + ftyp + struct.pack(">I", 8) + b"mdat"


def png_bomb(width=20000, height=20000):
    """A 1-bit greyscale PNG of zeros: tens of kilobytes that claim 400 megapixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    row = b"\0" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def with_gps_and_orientation(path):
    """Writes GPS coordinates, a camera model and orientation 6 (turn 90 degrees clockwise) into a JPEG file."""
    subprocess.run(["exiftool", "-q", "-overwrite_original", "-GPSLatitude=48.8584", "-GPSLatitudeRef=N",
                    "-GPSLongitude=2.2945", "-GPSLongitudeRef=E", "-Model=Secret Camera", "-Orientation#=6",
                    path], check=True)


def exif_tags(path):
    """Every tag exiftool finds in the file, by name (groups left out)."""
    import json
    out = subprocess.run(["exiftool", "-j", "-a", "-G0", path], check=True, capture_output=True, text=True).stdout
    return json.loads(out)[0]
