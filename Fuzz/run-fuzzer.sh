#!/usr/bin/env bash
# Runs one fuzzer for a time budget, learning into WORK_DIR, with the seeds
# in Fuzz/Corpus read but never written. A broken invariant or a crash
# fails the run, says where the input that did it is, and prints its bytes.
#
# usage: Fuzz/run-fuzzer.sh FuzzTelnet|FuzzKeys SECONDS WORK_DIR [CRASH_DIR]
#        (CRASH_DIR, where a failing input is saved, is WORK_DIR/crashes unless given)
set -euo pipefail

fuzzer=$1
seconds=$2
work=$3
crashes=${4:-$3/crashes}
here=$(cd "$(dirname "$0")" && pwd)
case $fuzzer in
    FuzzTelnet) corpus=telnet ;;
    FuzzKeys) corpus=keys ;;
    *) echo "unknown fuzzer $fuzzer: the fuzzers are FuzzTelnet and FuzzKeys" >&2; exit 2 ;;
esac
binary=$here/.build/release/$fuzzer
if [ ! -x "$binary" ]; then
    echo "$binary is not built: run make fuzz-build first" >&2
    exit 2
fi
mkdir -p "$work/$corpus" "$crashes"
log=$work/$fuzzer.log
echo "$fuzzer: ${seconds} s, seeds from Fuzz/Corpus/$corpus, learning into $work/$corpus"
# The Swift runtime's own crash reporter would stop libFuzzer from saving the input.
if ! SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$crashes/$fuzzer-" "$work/$corpus" "$here/Corpus/$corpus" >"$log" 2>&1; then
    grep -v -E '^#[0-9]+' "$log" | tail -n 40 >&2
    found=$(ls -t "$crashes/$fuzzer-"* 2>/dev/null | head -n 1 || true)
    echo >&2
    echo "$fuzzer failed. The input that did it: ${found:-(none saved; see the log above)}" >&2
    if [ -n "$found" ]; then
        echo "Its bytes:" >&2
        od -An -tx1 -v "$found" | head -n 40 >&2
        echo "Run it again with: SWIFT_BACKTRACE=enable=no $binary $found" >&2
    fi
    echo "Fix the bug in Sources/Telnet or Sources/TextUI and add the input as a regression test" >&2
    echo "in Tests/TelnetTests or Tests/TextUITests." >&2
    exit 1
fi
grep -E '^(Done|stat::new_units_added|stat::peak_rss_mb)' "$log" || true
