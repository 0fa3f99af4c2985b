#!/usr/bin/env bash
# Home-timeline reads under load: builds a Release vmst, seeds a reader who follows AUTHORS accounts whose
# STATUSES statuses fill the reader's home feed, then runs wrk against GET /api/v1/timelines/home (20 statuses a
# page) RUNS times. Usage: bench/run_timeline_bench.sh [RUNS] [CONNECTIONS] [SECONDS]
# Environment: AUTHORS (default 20), STATUSES (default 10000), READERS (SQLite reader connections, default 4),
# TIMELINE (home, the default, or public: GET /api/v1/timelines/public with the same token).
# The issue's figure: AUTHORS=500 STATUSES=100000, at 16 and 64 connections, for home and public.
# VMST_BINARY (a vmst to measure instead of building one, e.g. a baseline build for an A/B comparison).
# THREADS and KEEPALIVE_MAX (http.threads, default one per connection; http.keep_alive_max_requests, default 100).
# SEEDED (a folder kept from an earlier run: its database is used as it is, and the seeding is skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
connections=${2:-64}
seconds=${3:-10}
authors=${AUTHORS:-20}
statuses=${STATUSES:-10000}
timeline=${TIMELINE:-home}
case "$timeline" in home|public) ;; *) echo "TIMELINE must be home or public" >&2; exit 2;; esac
binary=${VMST_BINARY:-build/release-bench/vmst}
if [ -z "${VMST_BINARY:-}" ]; then
  cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON >/dev/null
  cmake --build build/release-bench --target vmst >/dev/null
fi
work=${SEEDED:-$(mktemp -d)}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Each keep-alive connection holds a worker thread, so there are as many threads as connections.
cat > "$work/vmst.toml" <<TOML
[instance]
domain = "127.0.0.1:$port"
[http]
listen = "127.0.0.1:$port"
threads = ${THREADS:-$connections}
keep_alive_max_requests = ${KEEPALIVE_MAX:-100}
access_log = false
[storage]
data_dir = "$work/data"
reader_connections = ${READERS:-4}
[log]
level = "warn"
# One token makes every request: Mastodon's per-token limit would answer 429 after 300 of them.
[rate_limits]
enabled = false
TOML
vmst() { "$binary" "$@" --config "$work/vmst.toml"; }
if [ -f "$work/token" ]; then
token=$(cat "$work/token")
else
vmst migrate >/dev/null
vmst account create reader --email reader@bench.test >/dev/null
for n in $(seq 1 "$authors"); do vmst account create "author$n" --email "author$n@bench.test" >/dev/null; done
token=$(python3 - "$work/data/vmst.db" "$statuses" <<'PY'
import hashlib, random, secrets, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
count = int(sys.argv[2])
reader = db.execute("SELECT id FROM accounts WHERE username = 'reader'").fetchone()[0]
user = db.execute("SELECT id FROM users WHERE account_id = ?", (reader,)).fetchone()[0]
authors = [r[0] for r in db.execute("SELECT id FROM accounts WHERE username LIKE 'author%'")]
now = int(time.time() * 1000)
def new_id(ms, seq):
    return (ms << 16) | seq
for n, author in enumerate(authors):
    db.execute("INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (?, ?, ?, ?)",
               (new_id(now - 10_000_000, n), reader, author, now))
text = "<p>" + " ".join(["lorem ipsum dolor sit amet"] * 8) + " <a href=\"https://example.com/\">link</a></p>"
for n in range(count):
    sid = new_id(now - (count - n) * 1000, n % 65536)
    author = random.choice(authors)
    db.execute("INSERT INTO statuses (id, uri, url, account_id, local, visibility, text, content, created_at, updated_at)"
               " VALUES (?, ?, ?, ?, 1, 'public', ?, ?, ?, ?)",
               (sid, f"https://bench.test/s/{sid}", f"https://bench.test/@a/{sid}", author, text, text, sid >> 16, sid >> 16))
    db.execute("INSERT INTO status_stats (status_id) VALUES (?)", (sid,))
    db.execute("INSERT INTO home_feed (account_id, status_id) VALUES (?, ?)", (reader, sid))
    db.execute("INSERT INTO home_feed (account_id, status_id) VALUES (?, ?)", (author, sid))
token = secrets.token_urlsafe(32)
db.execute("INSERT INTO oauth_access_tokens (id, user_id, token_hash, scopes, created_at) VALUES (?, ?, ?, 'read', ?)",
           (new_id(now, 1), user, hashlib.sha256(token.encode()).hexdigest(), now))
db.commit()
print(token)
PY
)
echo "$token" > "$work/token"
fi
${PRELOAD:+env LD_PRELOAD=$PRELOAD} "$binary" serve --config "$work/vmst.toml" &
pid=$!
if [ -n "${SEEDED:-}" ]; then
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
else
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
fi
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/livez" >/dev/null && break; sleep 0.1; done
echo "idle RSS of vmst: $(grep VmRSS /proc/$pid/status | awk '{print $2, $3}')"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/timelines/$timeline" | python3 -c \
  'import json,sys; page=json.load(sys.stdin); assert len(page) == 20, len(page); print("page of", len(page), "statuses,", len(json.dumps(page)), "bytes")'
# vmst's own CPU time per page (user + system, from /proc): unlike pages/s it hardly depends on what else runs on
# the machine, wrk included.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
for run in $(seq 1 "$runs"); do
  echo "== run $run"
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/timelines/$timeline")
  after=$(cpu_ticks)
  echo "$out" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  echo "vmst CPU per page: $(python3 -c "print(round(($after - $before) / $(getconf CLK_TCK) / $requests * 1e6), 'us')")"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
echo "peak RSS of vmst: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
