# Debian 12 packages vmst needs, and a helper that installs only the missing ones. Sourced by run.sh and test.sh.
BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libcpp-httplib-dev libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libssl-dev libcli11-dev
  libspdlog-dev libtomlplusplus-dev libargon2-dev libgumbo-dev
)
TEST_PACKAGES=(
  catch2 python3 python3-pytest
)

install_missing() {
  local missing=()
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
      echo "Run as root (or install these packages first): ${missing[*]}" >&2
      exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}
