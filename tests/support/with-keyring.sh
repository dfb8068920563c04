#!/bin/sh
# Runs a command inside a private D-Bus session with a freshly unlocked gnome-keyring (Secret Service),
# in a throwaway data folder, so that tests exercise the real OS secret store without touching the user's.
#   tests/support/with-keyring.sh <command> [args...]
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/data" "$tmp/run"
chmod 700 "$tmp/run"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
unset DISPLAY WAYLAND_DISPLAY
dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "$0" "$@"' "$@"
