#!/usr/bin/env bash
# Install what is missing, build with AddressSanitizer + UndefinedBehaviorSanitizer, and run every test (unit and
# integration) through CTest. Exits non-zero if any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/dependencies.sh
install_missing "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
install_node_if_missing
install_fedify_peer
install_masto_client
install_web_app_browser

cmake -S . -B build/test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVMST_SANITIZE=ON >/dev/null
cmake --build build/test

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd build/test
ctest --output-on-failure --parallel 2 --timeout 900
