#!/usr/bin/env bash
# Builds the delivery benchmark in Release and runs each scenario RUNS times (default 3), printing every run's JSON
# line and the median of the headline figures. Usage: bench/run_delivery_bench.sh [RUNS]
#   healthy   10,000 inboxes on 1,000 hosts, all answering 202
#   timeouts  the same with 10% of the hosts accepting connections and never answering (10 s timeouts)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
# -Wno-restrict: GCC 12 reports a false -Wrestrict inside libstdc++ at -O3 (GCC bug 105329); main's CMakeLists
# carries the same switch.
cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON \
  -DCMAKE_CXX_FLAGS=-Wno-restrict >/dev/null
cmake --build build/release-bench --target vmst_delivery_bench >/dev/null
bench=build/release-bench/bench/vmst_delivery_bench

run_scenario() {
  local name=$1; shift
  local out
  out=$(mktemp)
  for _ in $(seq 1 "$runs"); do
    "$bench" "$@" 2>/dev/null | tail -1 | tee -a "$out"
  done
  python3 - "$name" "$out" <<'PY'
import json, statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [json.loads(line) for line in open(path) if line.startswith("{")]
def med(key): return statistics.median(r[key] for r in rows)
print(f"{name}: median of {len(rows)}: {med('deliveries_per_s'):.0f} deliveries/s, drain {med('drain_s'):.2f} s, "
      f"peak RSS {med('peak_rss_mib'):.0f} MiB, connections {med('connections_opened'):.0f}, "
      f"enqueue {med('enqueue_s'):.3f} s")
PY
  rm -f "$out"
}

run_scenario healthy --inboxes 10000 --hosts 1000
run_scenario timeouts --inboxes 10000 --hosts 1000 --mute-percent 10
