#!/usr/bin/env bash
# Builds the delivery benchmark in Release and runs it RUNS times (default 3). Each run measures, back to back:
#   ceiling   bare RSA signing of delivery requests on 2 threads, no I/O (what the CPU allows at that moment)
#   healthy   10,000 inboxes on 1,000 loopback hosts, all answering 202
#   timeouts  the same with 10% of the hosts accepting connections and never answering (10 s timeouts)
# and prints every JSON line, then medians. The machine is shared, so the ceiling is measured with each run: the
# ratio deliveries/ceiling is the figure that carries over between machines and moments.
# Usage: bench/run_delivery_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
# -Wno-restrict: GCC 12 reports a false -Wrestrict inside libstdc++ at -O3 (GCC bug 105329); main's CMakeLists
# carries the same switch.
cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON \
  -DCMAKE_CXX_FLAGS=-Wno-restrict >/dev/null
cmake --build build/release-bench --target vmst_delivery_bench >/dev/null
bench=build/release-bench/bench/vmst_delivery_bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for run in $(seq 1 "$runs"); do
  echo "run $run (load average $(cut -d' ' -f1 /proc/loadavg))"
  "$bench" --sign-only 2 | sed 's/^/ceiling /' | tee -a "$out"
  "$bench" --inboxes 10000 --hosts 1000 | sed 's/^/healthy /' | tee -a "$out"
  "$bench" --inboxes 10000 --hosts 1000 --mute-percent 10 | sed 's/^/timeouts /' | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, _, data = line.partition(" ")
    rows.setdefault(name, []).append(json.loads(data))
med = lambda name, key: statistics.median(r[key] for r in rows[name])
ceiling = med("ceiling", "signatures_per_s")
print(f"ceiling: {ceiling:.0f} signatures/s (2 threads, no I/O)")
for name in ("healthy", "timeouts"):
    rate = med(name, "deliveries_per_s")
    print(f"{name}: {rate:.0f} deliveries/s ({rate / ceiling:.0%} of the ceiling), drain {med(name, 'drain_s'):.2f} s, "
          f"peak RSS {med(name, 'peak_rss_mib'):.0f} MiB, connections {med(name, 'connections_opened'):.0f}, "
          f"enqueue {med(name, 'enqueue_s') * 1000:.0f} ms")
PY
