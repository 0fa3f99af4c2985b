"""Runs the real vmst binary for integration tests: a temporary data folder, a free loopback port, real HTTP.

Later suites drive real clients (toot, Mastodon.py, masto.js) and a real ActivityPub peer (Fedify) against a
VmstInstance; several instances on different 127.0.0.x addresses make a federation test network.
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import shutil

BINARY = os.environ.get("VMST_TEST_BINARY") or os.path.join(
    os.path.dirname(__file__), "..", "..", "build", "debug", "vmst")


def free_port(host="127.0.0.1"):
    return free_ports(host, 1)[0]


def free_ports(host="127.0.0.1", count=2):
    """Distinct free ports: all sockets stay bound until every port is picked, or the kernel may hand out the same
    port twice (an instance's HTTP and streaming listeners then collide)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sockets.append(s)
            s.bind((host, 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def wait_until(check, timeout=20, interval=0.05, what=None):
    """Calls check until it returns something truthy and returns that, for what the server does in the background.
    After timeout seconds: None, or with `what` an AssertionError that names what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    if what is not None:
        raise AssertionError(f"timed out waiting for {what}")
    return None


def start_with_peer(vmst, peer):
    """Starts a VmstInstance while a FedifyPeer boots (Node's start-up is the slow part); returns when both answer."""
    peer.launch()
    vmst.start()
    peer.wait_until_ready()


def to_toml(config):
    """Renders {"section": {"key": str|int|bool}} as TOML."""
    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        return json.dumps(str(v))
    lines = []
    for section, values in config.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key} = {value(v)}" for key, v in values.items())
    return "\n".join(lines) + "\n"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


class VmstInstance:
    """One vmst server with its own config file and data folder. Use as a context manager or call start/stop."""

    def __init__(self, host="127.0.0.1", settings=None, env=None):
        """settings: {"section": {"key": value}} merged over the test defaults below."""
        self.host = host
        self.port, self.streaming_port = free_ports(host, 2)
        self.dir = tempfile.mkdtemp(prefix="vmst-it-")
        self.data_dir = os.path.join(self.dir, "data")
        self.config_path = os.path.join(self.dir, "vmst.toml")
        self.domain = f"{host}:{self.port}"
        self.log_path = os.path.join(self.dir, "server.log")
        self.env = dict(os.environ, **(env or {}))
        self.env.pop("VMST_TEST_BINARY", None)
        self.process = None
        config = {
            "instance": {"domain": self.domain, "title": "vmst test"},
            "http": {"listen": f"{host}:{self.port}", "threads": 16,
                     # No reverse proxy in tests: clients are sent straight to the streaming listener.
                     "streaming_listen": f"{host}:{self.streaming_port}",
                     "streaming_url": f"ws://{host}:{self.streaming_port}"},
            "storage": {"data_dir": self.data_dir},
            "federation": {"allow_private_addresses": True},
            "auth": {"password_grant": True},
            # Suites make many requests from one address; tests of the limits themselves set their own.
            "rate_limits": {"api_requests": 1000000, "sign_in_attempts": 1000000, "sign_ups": 1000000},
        }
        for section, values in (settings or {}).items():
            config.setdefault(section, {}).update(values)
        with open(self.config_path, "w") as f:
            f.write(to_toml(config))

    def edit_config(self, old, new):
        """Replaces text in the config file (before start)."""
        with open(self.config_path) as f:
            text = f.read()
        assert old in text, f"{old!r} is not in the config"
        with open(self.config_path, "w") as f:
            f.write(text.replace(old, new))

    @property
    def base_url(self):
        return f"http://{self.domain}"

    @property
    def streaming_url(self):
        return f"ws://{self.host}:{self.streaming_port}"

    def streaming_request(self, method, path, headers=None, timeout=10):
        return self.request(method, path, headers=headers, timeout=timeout, port=self.streaming_port)

    # --- the CLI, run next to (or without) the server -------------------------------------------------------
    def cli(self, *args, input=None, check=True, timeout=60, with_config=True):
        config = ["--config", self.config_path] if with_config else []
        result = subprocess.run([BINARY, *args, *config], input=input, capture_output=True,
                                text=True, cwd=self.dir, env=self.env, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"vmst {' '.join(args)} exited {result.returncode}: {result.stderr}")
        return result

    def cli_error(self, *args, input=None):
        """Runs a command that must fail; returns its error, which must be one line on stderr starting "vmst: "."""
        result = self.cli(*args, input=input, check=False)
        assert result.returncode != 0, f"vmst {' '.join(args)} succeeded: {result.stdout}"
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("vmst: "), result.stderr
        return lines[0]

    # --- the server ----------------------------------------------------------------------------------------
    def start(self, timeout=30):
        self._log = open(self.log_path, "w")
        # cwd is an empty folder: the binary must need nothing but its config and data folder.
        self.process = subprocess.Popen([BINARY, "serve", "--config", self.config_path], cwd=self.dir, env=self.env,
                                        stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"vmst serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.request("GET", "/livez").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"vmst serve did not answer /livez within {timeout} s:\n{self.log()}")

    def stop(self, sig=signal.SIGTERM, timeout=15):
        """Sends sig and waits. Returns (exit code, seconds taken)."""
        if self.process is None:
            return None, 0.0
        started = time.monotonic()
        self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        elapsed = time.monotonic() - started
        self.process = None
        self._log.close()
        return code, elapsed

    def log(self):
        try:
            with open(self.log_path) as f:
                return f.read()
        except OSError:
            return ""

    def request(self, method, path, body=None, headers=None, timeout=10, port=None):
        """port: another listener of this instance (streaming_port); the main one by default."""
        conn = http.client.HTTPConnection(self.host, port or self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8", "replace"))
        finally:
            conn.close()

    def close(self):
        if self.process is not None:
            self.stop(signal.SIGKILL)
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
