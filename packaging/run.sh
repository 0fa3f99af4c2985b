#!/usr/bin/env bash
# Install what is missing, build a Release binary, and start vmst on http://127.0.0.1:8080 as localhost:8080.
# First start: writes ./vmst.toml (a copy of vmst.example.toml), creates ./data and an admin account whose
# password is printed once.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/dependencies.sh
install_missing "${BUILD_PACKAGES[@]}"

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DVMST_BUILD_TESTS=OFF -DVMST_BUILD_BENCH=OFF >/dev/null
cmake --build build/release
VMST=build/release/vmst

if [ ! -f vmst.toml ]; then
  cp vmst.example.toml vmst.toml
  echo "Wrote vmst.toml (edit it to change the domain, port or data folder)."
fi
"$VMST" config check --config vmst.toml >/dev/null

data_dir=$(sed -n 's/^data_dir = "\(.*\)"/\1/p' vmst.toml | head -n 1)
data_dir=${VMST_STORAGE_DATA_DIR:-${data_dir:-data}}
if [ ! -f "$data_dir/vmst.db" ]; then
  mkdir -p "$data_dir"
  echo "First start: creating the admin account (the password is shown only now)."
  "$VMST" account create admin --email admin@localhost --admin --config vmst.toml
fi

exec "$VMST" serve --config vmst.toml
