"""The foundation end to end: the real binary serving on loopback, the CLI next to it, signals, bad config."""
import http.client
import os
import re
import signal
import socket
import sqlite3
import time

from harness import BINARY, VmstInstance


def test_livez_and_readyz_answer_json(vmst):
    live = vmst.request("GET", "/livez")
    assert live.status == 200
    assert live.headers["content-type"] == "application/json; charset=utf-8"
    assert live.json() == {"status": "ok"}
    ready = vmst.request("GET", "/readyz")
    assert ready.status == 200
    assert ready.json() == {"status": "ok"}


def test_unknown_api_path_gets_a_mastodon_style_json_404(vmst):
    r = vmst.request("GET", "/api/v1/no_such_thing")
    assert r.status == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {"error": "Record not found"}


def test_wrong_method_gets_405_json(vmst):
    r = vmst.request("POST", "/livez", body=b"", headers={"Content-Length": "0"})
    assert r.status == 405
    assert "error" in r.json()


def test_oversized_body_is_refused_with_413(vmst_stopped):
    vmst_stopped.edit_config("threads = 16", "threads = 16\nmax_body_bytes = 2048")
    vmst_stopped.start()
    r = vmst_stopped.request("POST", "/livez", body=b"x" * 10000, headers={"Content-Type": "text/plain"})
    assert r.status == 413
    assert "error" in r.json()


def test_each_request_gets_an_access_log_line(vmst):
    vmst.request("GET", "/livez?access_token=secret")
    time.sleep(0.2)
    log = vmst.log()
    assert re.search(r"GET /livez 200 \d+\.\dms", log), log
    assert "secret" not in log  # query strings are never logged


def test_account_create_works_while_the_server_runs(vmst):
    created = vmst.cli("account", "create", "alice", "--email", "alice@example.org", "--admin")
    assert created.stdout.startswith(f"Created @alice@{vmst.domain} (admin)")
    password = re.search(r"^Password: (\S+)$", created.stdout, re.M).group(1)
    assert len(password) == 24

    given = vmst.cli("account", "create", "bob", "--email", "bob@example.org", "--password-stdin",
                     input="a good long password\n")
    assert "Password:" not in given.stdout

    listed = vmst.cli("account", "list").stdout
    assert re.search(r"^alice\s+alice@example.org\s+admin\s+active", listed, re.M)
    assert re.search(r"^bob\s+bob@example.org\s+user\s+active", listed, re.M)
    assert "2 local account(s)" in listed

    # the server still serves, on the same database
    assert vmst.request("GET", "/readyz").status == 200


def test_account_create_errors_are_clear_and_exit_non_zero(vmst):
    vmst.cli("account", "create", "alice", "--email", "alice@example.org")
    taken = vmst.cli("account", "create", "Alice", "--email", "other@example.org", check=False)
    assert taken.returncode == 1
    assert taken.stderr.strip() == 'vmst: username "Alice" is already taken'
    bad = vmst.cli("account", "create", "not valid", "--email", "x@example.org", check=False)
    assert bad.returncode == 1
    assert "is not valid" in bad.stderr
    short = vmst.cli("account", "create", "carol", "--email", "c@example.org", "--password-stdin", input="short\n",
                     check=False)
    assert short.returncode == 1
    assert "too short" in short.stderr
    usage = vmst.cli("account", "create", "dave", check=False)
    assert usage.returncode == 2
    assert "--email" in usage.stderr


def test_reset_password_prints_a_new_password(vmst_stopped):
    first = vmst_stopped.cli("account", "create", "alice", "--email", "alice@example.org").stdout
    reset = vmst_stopped.cli("account", "reset-password", "alice").stdout
    old = re.search(r"Password: (\S+)", first).group(1)
    new = re.search(r"Password: (\S+)", reset).group(1)
    assert old != new
    missing = vmst_stopped.cli("account", "reset-password", "nobody", check=False)
    assert missing.returncode == 1
    assert 'no local account named "nobody"' in missing.stderr


def test_sigterm_with_an_idle_keepalive_connection_exits_0_within_10_seconds(vmst):
    # An idle keep-alive connection holds a worker thread; shutdown must not wait on it for long.
    conn = http.client.HTTPConnection(vmst.host, vmst.port, timeout=5)
    conn.request("GET", "/livez")
    assert conn.getresponse().read()
    code, elapsed = vmst.stop(signal.SIGTERM)
    conn.close()
    assert code == 0
    assert elapsed < 10
    assert "stopped cleanly" in vmst.log()


def test_sigint_exits_0_and_the_port_is_released(vmst):
    code, _ = vmst.stop(signal.SIGINT)
    assert code == 0
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((vmst.host, vmst.port))


def test_a_request_in_flight_finishes_during_shutdown(vmst):
    # A slow client: headers sent, the body trickles in while SIGTERM arrives.
    s = socket.create_connection((vmst.host, vmst.port))
    s.sendall(b"POST /livez HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab")
    time.sleep(0.3)
    vmst.process.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(b"cd")
    reply = s.recv(4096).decode()
    s.close()
    assert reply.startswith("HTTP/1.1 405")
    assert vmst.process.wait(timeout=10) == 0
    vmst.process = None
    vmst._log.close()


def test_bad_config_stops_with_exit_2_and_one_line_naming_the_key(vmst_stopped):
    vmst_stopped.edit_config("threads = 16", 'threads = "sixteen"')
    for command in (["serve"], ["config", "check"], ["account", "list"], ["migrate"]):
        result = vmst_stopped.cli(*command, check=False)
        assert result.returncode == 2, command
        lines = result.stderr.strip().splitlines()
        assert lines == [f"vmst: {vmst_stopped.config_path}: http.threads: expected an integer, got a string"], command
    assert not os.path.exists(vmst_stopped.data_dir)  # nothing was created


def test_environment_overrides_are_validated_too(vmst_stopped):
    vmst_stopped.env["VMST_HTTP_LISTEN"] = "127.0.0.1"
    result = vmst_stopped.cli("config", "check", check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("vmst: environment VMST_HTTP_LISTEN: http.listen: must be host:port")


def test_config_check_reports_the_effective_settings(vmst_stopped):
    result = vmst_stopped.cli("config", "check")
    assert result.stdout.startswith(f"{vmst_stopped.config_path}: OK")
    assert f"http://{vmst_stopped.domain}" in result.stdout


def test_missing_explicit_config_file_is_an_error(vmst_stopped):
    result = vmst_stopped.cli("config", "check", "--config", "/nonexistent/vmst.toml", check=False,
                              with_config=False)
    assert result.returncode == 2
    assert "/nonexistent/vmst.toml" in result.stderr


def test_migrate_and_migrate_status(vmst_stopped):
    pending = vmst_stopped.cli("migrate", "--status").stdout
    assert re.search(r"^pending\s+0001_initial", pending, re.M)
    assert "Applied" in vmst_stopped.cli("migrate").stdout
    assert "up to date" in vmst_stopped.cli("migrate").stdout
    assert re.search(r"^applied\s+0001_initial\s+\d{4}-\d\d-\d\dT", vmst_stopped.cli("migrate", "--status").stdout, re.M)


def test_a_database_from_a_newer_vmst_is_refused(vmst_stopped):
    vmst_stopped.cli("migrate")
    db = sqlite3.connect(os.path.join(vmst_stopped.data_dir, "vmst.db"))
    db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)")
    db.commit()
    db.close()
    result = vmst_stopped.cli("serve", check=False, timeout=30)
    assert result.returncode == 1
    assert "schema version 9999" in result.stderr
    assert "newer vmst" in result.stderr


def test_a_busy_port_gives_a_clear_error(vmst):
    other = VmstInstance()
    try:
        other.edit_config(f'listen = "127.0.0.1:{other.port}"', f'listen = "127.0.0.1:{vmst.port}"')
        result = other.cli("serve", check=False, timeout=30)
        assert result.returncode == 1
        assert f"cannot listen on 127.0.0.1:{vmst.port}" in result.stderr
    finally:
        other.close()


def test_version_and_help():
    import subprocess
    version = subprocess.run([BINARY, "--version"], capture_output=True, text=True)
    assert version.returncode == 0
    assert re.match(r"vmst \d+\.\d+\.\d+", version.stdout)
    helptext = subprocess.run([BINARY, "--help"], capture_output=True, text=True)
    assert helptext.returncode == 0
    for command in ("serve", "migrate", "config", "account"):
        assert command in helptext.stdout
    unknown = subprocess.run([BINARY, "frobnicate"], capture_output=True, text=True)
    assert unknown.returncode == 2


def test_embedded_static_files_are_served_from_any_folder(vmst):
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "static", "avatars", "original", "missing.png"),
              "rb") as f:
        expected = f.read()
    conn = http.client.HTTPConnection(vmst.host, vmst.port, timeout=5)
    conn.request("GET", "/avatars/original/missing.png")
    r = conn.getresponse()
    assert r.status == 200
    assert r.getheader("Content-Type") == "image/png"
    assert r.read() == expected
    conn.close()
    assert vmst.request("GET", "/static/css/pages.css").status == 200
    assert vmst.request("GET", "/static/../CMakeLists.txt").status == 404
    assert vmst.request("GET", "/static/nope.css").status == 404
