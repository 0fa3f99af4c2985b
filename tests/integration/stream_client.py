"""A raw streaming-API reader for tests that watch live events: the real listener over a plain socket, SSE framing
parsed loosely, so that a test sees exactly what the server sent."""
import json
import re
import socket
import time


def read_head_and(s, wanted=b""):
    data = b""
    while b"\r\n\r\n" not in data or wanted not in data.split(b"\r\n\r\n", 1)[1]:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8", "replace")


class SseReader:
    """An open SSE stream read event by event (chunked transfer decoded loosely: chunk-size lines are skipped)."""

    def __init__(self, vmst, path, token):
        self.sock = socket.create_connection((vmst.host, vmst.streaming_port), timeout=10)
        auth = f"Authorization: Bearer {token}\r\n" if token else ""
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {vmst.host}\r\n{auth}\r\n".encode())
        self.buffer = read_head_and(self.sock, b":)\n").split("\r\n\r\n", 1)[1]

    def events(self, until, timeout=5):
        """Reads (event, data) pairs until `until(pairs)` is true or the timeout passes; returns the pairs."""
        deadline = time.time() + timeout
        pairs = []
        while not until(pairs) and time.time() < deadline:
            self.sock.settimeout(max(0.05, deadline - time.time()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            self.buffer += chunk.decode("utf-8", "replace")
            pairs = []
            for block in re.split(r"\n\n", self.buffer):
                event = re.search(r"^event: (.+)$", block, re.M)
                data = re.search(r"^data: (.+)$", block, re.M)
                if event and data:
                    payload = data.group(1)
                    pairs.append((event.group(1), payload if event.group(1) == "delete" else json.loads(payload)))
        return pairs

    def close(self):
        self.sock.close()
