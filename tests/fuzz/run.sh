#!/usr/bin/env bash
# Runs every fuzz target of a build folder for SECONDS each over a copy of its seed corpus.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]   (e.g. build/fuzz 30 in CI, 600 or more by hand)
set -euo pipefail
build=${1:?build folder}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for fuzzer in "$build"/bin/fuzz_*; do
    name=$(basename "$fuzzer")
    mkdir -p "$work/$name"
    cp -r "$here/corpus/$name/." "$work/$name/" 2>/dev/null || true
    echo "== $name: ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$work/$name-" "$work/$name" > "$work/$name.log" 2>&1; then
        echo "$name FAILED:"; tail -n 60 "$work/$name.log"; status=1
    else
        grep -E "stat::number_of_executed_units|Done" "$work/$name.log" | tail -n 2
    fi
done
exit $status
