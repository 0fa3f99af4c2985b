#!/usr/bin/env bash
# Public page render time: builds a Release vmst and vmst_pages_bench, seeds one author with STATUSES public
# statuses (default 100,000; every 10th with two replies by another account, a thread in the middle with ancestors
# and replies), then times the profile page (first and a deep page) and a permalink page in process, RUNS times
# each. Usage: bench/run_pages_bench.sh [RUNS]
# Environment: STATUSES, and BUILD (a build folder to use as it is, e.g. build/debug, instead of building Release).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2000}
statuses=${STATUSES:-100000}
build=${BUILD:-build/release-bench}
if [ -z "${BUILD:-}" ]; then
  cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON >/dev/null
  nice cmake --build build/release-bench --target vmst vmst_pages_bench >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/vmst.toml" <<TOML
[instance]
domain = "bench.test"
[storage]
data_dir = "$work/data"
[log]
level = "warn"
TOML
vmst() { "$build/vmst" "$@" --config "$work/vmst.toml"; }
vmst migrate >/dev/null
vmst account create author --email author@bench.test >/dev/null
vmst account create replier --email replier@bench.test >/dev/null
status=$(python3 - "$work/data/vmst.db" "$statuses" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
count = int(sys.argv[2])
author = db.execute("SELECT id FROM accounts WHERE username = 'author'").fetchone()[0]
replier = db.execute("SELECT id FROM accounts WHERE username = 'replier'").fetchone()[0]
db.execute("UPDATE accounts SET discoverable = 1, indexable = 1 WHERE id = ?", (author,))
now = int(time.time() * 1000)
text = "<p>" + " ".join(["lorem ipsum dolor sit amet"] * 8) + " <a href=\"https://example.com/\">link</a></p>"
seq = 0
def insert(account, ms, in_reply_to=None, reply_account=None):
    global seq
    seq += 1
    sid = (ms << 16) | (seq % 65536)
    db.execute("INSERT INTO statuses (id, uri, url, account_id, local, visibility, text, content, created_at,"
               " updated_at, in_reply_to_id, in_reply_to_account_id) VALUES (?, ?, ?, ?, 1, 'public', ?, ?, ?, ?, ?, ?)",
               (sid, f"https://bench.test/users/x/statuses/{sid}", f"https://bench.test/@x/{sid}", account, text, text,
                ms, ms, in_reply_to, reply_account))
    db.execute("INSERT INTO status_stats (status_id) VALUES (?)", (sid,))
    return sid
middle = None
parent = None
for n in range(count):
    ms = now - (count - n) * 1000
    if n == count // 2:
        # A thread: five ancestors by the author, the status, then replies.
        for _ in range(5):
            parent = insert(author, ms, parent, author if parent else None)
        middle = insert(author, ms, parent, author)
        for _ in range(10):
            insert(replier, ms, middle, author)
        continue
    sid = insert(author, ms)
    if n % 10 == 0:
        insert(replier, ms, sid, author)
        insert(replier, ms, sid, author)
db.execute("UPDATE account_stats SET statuses_count = (SELECT COUNT(*) FROM statuses WHERE account_id = ?)"
           " WHERE account_id = ?", (author, author))
db.commit()
print(middle)
PY
)
${BENCH_WRAPPER:-} "$build/bench/vmst_pages_bench" --config "$work/vmst.toml" --username author --status "$status" --runs "$runs"
