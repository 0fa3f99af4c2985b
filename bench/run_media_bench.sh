#!/usr/bin/env bash
# Builds a Release vmst_media_bench into build/release-bench and runs it: a 12-megapixel JPEG uploaded RUNS times
# (default 5) through services::upload_media (type detection, header check, decode, orientation, scaling to
# 3840x2160 pixels at most, re-encoding without metadata, the 640x640 preview, blurhash, the files and the row).
# Prints the time of each upload and the process's peak RSS. Usage: bench/run_media_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/release-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=ON >/dev/null
cmake --build build/release-bench --target vmst_media_bench >/dev/null
build/release-bench/bench/vmst_media_bench "${1:-5}"
