"""A loopback inbox for delivery tests: answers each POST as its path's script says and records what it got.

    sink = DeliverySink()                       # listens on a free 127.0.0.1 port, in a thread
    sink.script("/inbox", [500, 500, 202])      # first POST 500, second 500, then 202 for every later one
    sink.script("/slow", [{"status": 202, "delay": 3}])
    sink.script("/busy", [{"status": 429, "headers": {"Retry-After": "2"}}, 202])
    sink.script("*", [500])                     # every path without a script of its own
    sink.url("/inbox"); sink.received("/inbox") -> [Received(...), ...]

Paths without a script (and no "*" script) answer 202. HTTP/1.1 with keep-alive, as real inboxes are.
"""
import http.server
import threading
import time


class Received:
    def __init__(self, path, headers, body, at):
        self.path = path
        self.headers = headers  # lowercased names
        self.body = body
        self.at = at  # time.monotonic()


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        sink = self.server.sink
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        received = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body, time.monotonic())
        answer = sink._next_answer(received)
        if answer.get("delay"):
            time.sleep(answer["delay"])
        payload = answer.get("body", "").encode()
        try:
            self.send_response(answer["status"])
            for name, value in answer.get("headers", {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a timeout test)


class DeliverySink:
    def __init__(self, host="127.0.0.1"):
        self._lock = threading.Lock()
        self._scripts = {}
        self._received = []
        self.server = http.server.ThreadingHTTPServer((host, 0), _Handler)
        self.server.daemon_threads = True
        self.server.sink = self
        self.host = host
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def authority(self):
        return f"{self.host}:{self.port}"

    def url(self, path):
        return f"http://{self.authority}{path}"

    def script(self, path, answers):
        """answers: ints (statuses) or dicts {status, headers, delay, body}; the last one repeats."""
        normalised = [a if isinstance(a, dict) else {"status": a} for a in answers]
        with self._lock:
            self._scripts[path] = {"answers": normalised, "next": 0}

    def _next_answer(self, received):
        with self._lock:
            self._received.append(received)
            script = self._scripts.get(received.path) or self._scripts.get("*")
            if not script:
                return {"status": 202}
            answer = script["answers"][min(script["next"], len(script["answers"]) - 1)]
            script["next"] += 1
            return answer

    def received(self, path=None):
        with self._lock:
            return [r for r in self._received if path is None or r.path == path]

    def wait_for(self, path, count, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received(path)) >= count:
                return self.received(path)
            time.sleep(0.02)
        raise AssertionError(f"{path}: expected {count} request(s), got {len(self.received(path))}")

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
