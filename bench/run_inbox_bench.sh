#!/usr/bin/env bash
# Builds a Release vmst and the inbox benchmark, starts vmst on loopback with a fresh data folder, runs the
# benchmark RUNS times (default 3) and prints each run's figures. Usage: bench/run_inbox_bench.sh [RUNS] [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON >/dev/null
cmake --build build/release-bench >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/vmst.toml" <<TOML
[instance]
domain = "127.0.0.1:$port"
[http]
listen = "127.0.0.1:$port"
threads = 16
access_log = false
[storage]
data_dir = "$work/data"
[federation]
allow_private_addresses = true
[log]
level = "warn"
TOML
build/release-bench/vmst serve --config "$work/vmst.toml" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/livez" >/dev/null && break; sleep 0.1; done
for run in $(seq 1 "$runs"); do
  echo "== run $run"
  build/release-bench/bench/vmst_inbox_bench --inbox "http://127.0.0.1:$port/inbox" "$@"
done
echo "peak RSS of vmst: $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
