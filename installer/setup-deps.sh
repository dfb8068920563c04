#!/usr/bin/env bash
# Installs every Debian 12 package that Insights Admin needs to build, run and test.
# Idempotent: quiet and quick when everything is present. Uses sudo when not root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git file dpkg-dev
    clang libclang-rt-14-dev clang-format
    # Qt 6.4 and friends
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6
    libgl-dev
    # steps: SMTP
    libcurl4-openssl-dev
    # tests: a real SMTP server, a display, a secret store, TLS certificates
    python3 python3-aiosmtpd openssl xdg-utils
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    fonts-dejavu-core
    # installer checks
    desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "setup-deps: installing ${#missing[@]} package(s): ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
