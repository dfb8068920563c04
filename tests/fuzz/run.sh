#!/usr/bin/env bash
# Runs fuzz targets of a build folder for SECONDS each over a copy of their seed corpus
# (tests/fuzz/corpus/<target>/) and prints, per target, the executions, the coverage reached and the verdict.
#
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#   BUILD_DIR  a build of the fuzz preset (cmake --preset fuzz && cmake --build --preset fuzz)
#   SECONDS    per target; 30 by default. CI runs 20 (.ci/run); a local hardening run 600 or more.
#   TARGET     fuzz_* names; all of BUILD_DIR/bin by default
# Environment:
#   FUZZ_JOBS=N    targets run at a time (default 1; each fuzzer uses one core)
#   FUZZ_WORK=DIR  keep the grown corpora, logs and crash artifacts in DIR (default: a temporary folder
#                  removed at the end). New interesting inputs stay there: copy the useful ones (and every
#                  crash, once fixed) into tests/fuzz/corpus/<target>/ by hand.
#
# A long local run, two at a time, keeping the results:
#   FUZZ_JOBS=2 FUZZ_WORK=/tmp/fuzz tests/fuzz/run.sh build/fuzz 600
set -euo pipefail
build=${1:?build folder}
seconds=${2:-30}
shift $(( $# >= 2 ? 2 : $# ))
here=$(cd "$(dirname "$0")" && pwd)
jobs=${FUZZ_JOBS:-1}
if [[ -n ${FUZZ_WORK:-} ]]; then
    work=$FUZZ_WORK
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

targets=("$@")
if (( ${#targets[@]} == 0 )); then
    for fuzzer in "$build"/bin/fuzz_*; do targets+=("$(basename "$fuzzer")"); done
fi

# One target: returns 0 when it ran its time without a crash, leak, timeout or out-of-memory.
run_one() {
    local name=$1
    mkdir -p "$work/$name"
    cp -r "$here/corpus/$name/." "$work/$name/" 2>/dev/null || true
    "$build/bin/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/$name-" "$work/$name" > "$work/$name.log" 2>&1
}

summary() {
    local name=$1 status=$2 execs cov
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/$name.log" | grep -o '[0-9]*$' || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$work/$name.log" | tail -n 1 || true)
    if (( status == 0 )); then
        echo "== $name: ok, ${seconds}s, ${execs:-?} execs, ${cov:-no coverage line}"
    else
        echo "== $name: FAILED (exit $status) after ${execs:-?} execs, ${cov:-no coverage line}; log tail:"
        tail -n 60 "$work/$name.log"
    fi
}

status=0
declare -A pids=()
# Waits for one running target (the first to end) and prints its summary.
reap_one() {
    local done_pid rc=0
    wait -n -p done_pid "${!pids[@]}" || rc=$?
    summary "${pids[$done_pid]}" "$rc"
    unset "pids[$done_pid]"
    (( rc == 0 )) || status=1
}

for name in "${targets[@]}"; do
    if [[ ! -x $build/bin/$name ]]; then
        echo "== $name: not built in $build"; status=1; continue
    fi
    while (( ${#pids[@]} >= jobs )); do reap_one; done
    run_one "$name" &
    pids[$!]=$name
done
while (( ${#pids[@]} > 0 )); do reap_one; done
exit $status
