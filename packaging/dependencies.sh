# Debian 12 packages vmst needs, and a helper that installs only the missing ones. Sourced by run.sh and test.sh.
BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libcpp-httplib-dev libsqlitecpp-dev libsqlite3-dev nlohmann-json3-dev libssl-dev libcli11-dev
  libspdlog-dev libtomlplusplus-dev libargon2-dev libgumbo-dev libicu-dev libcmark-dev libboost-dev libjemalloc-dev
  libarchive-dev libkainjow-mustache-dev
  # image processing of uploads, and upload types from their content
  libvips-dev libmagic-dev
)
TEST_PACKAGES=(
  catch2 python3 python3-pytest
  # real Mastodon clients the integration tests drive
  python3-mastodon toot
  # the browser the web app's end-to-end test drives (through npm's playwright-core, which downloads no browser)
  chromium
  # test media: made with Pillow, GPS tags written and checked with exiftool
  python3-pil libimage-exiftool-perl
)
# The Fedify test peer (tests/integration/fedify_peer) needs Node.js 20 or newer and npm. These machines carry Node 20
# already; Debian 12's own nodejs (18) is only a fallback for a machine with no node at all, never installed over it.
NODE_PACKAGES=(
  nodejs npm
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

install_node_if_missing() {
  if command -v node >/dev/null 2>&1; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "node is installed ($(command -v node)) but npm is not: install the npm that came with this node" >&2
      exit 1
    fi
  else
    install_missing "${NODE_PACKAGES[@]}"
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "Warning: node $(node --version) is older than Fedify 1.5.9 supports (20); the Fedify peer may not run" >&2
  fi
}

# Installs npm's masto (the masto.js client the integration tests drive) from its lock file, like the Fedify peer.
install_masto_client() {
  local client_dir=tests/integration/masto_client
  local marker="$client_dir/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$client_dir/package-lock.json" -nt "$marker" ]; then
    echo "Installing the masto.js client's npm packages"
    (cd "$client_dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Installs npm's playwright-core (the web app's browser test drives Debian's chromium with it) from its lock file.
# playwright-core fetches no browser on install; the variable makes sure nothing else in the tree tries to.
install_web_app_browser() {
  local browser_dir=tests/integration/web_app_browser
  local marker="$browser_dir/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$browser_dir/package-lock.json" -nt "$marker" ]; then
    echo "Installing the web app browser test's npm packages"
    (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Installs the Fedify peer's node_modules from its lock file when they are missing or older than package-lock.json.
install_fedify_peer() {
  local peer_dir=tests/integration/fedify_peer
  local marker="$peer_dir/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$peer_dir/package-lock.json" -nt "$marker" ]; then
    echo "Installing the Fedify peer's npm packages"
    (cd "$peer_dir" && npm ci --no-audit --no-fund)
  fi
}
