#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in their own build directory, writes their
# seed corpora, and runs each target for SECONDS (default 60). CI runs this
# as it is; a longer run is `build-aux/fuzz.sh 3600`, or one target with
# FUZZ_TARGETS="mrz date". -runs=N in FUZZ_ARGS stops a target after N
# inputs instead.
#
# Needs: clang and libclang-rt-14-dev (libFuzzer and the sanitizers'
# runtimes). Prints one line per target with its executions and speed, and
# "N passed, N failed" at the end; exits 1 when a target found a crash, a
# leak or undefined behaviour (the input is saved in the artifacts folder
# and the report is in the target's log).
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
seconds=${1:-60}
build=${PF_FUZZ_BUILD_DIR:-$top/_build-fuzz}
work=${PF_FUZZ_WORK_DIR:-$build/fuzz-work}
targets=${FUZZ_TARGETS:-mrz mrz-decode date compare photo photo-live loader}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Db_lundef=false
fi
ninja_targets=(tests/fuzz/fuzz-seeds)
for t in $targets; do
  ninja_targets+=("tests/fuzz/fuzz-$t")
done
ninja -C "$build" -j "${PF_JOBS:-2}" "${ninja_targets[@]}"

mkdir -p "$work/artifacts"
# The seed generator draws documents with fontconfig, which never frees its
# caches: leak checking is for the targets, not for it.
ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/fuzz-seeds" "$work/seeds" > /dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
passed=0
failed=0
for t in $targets; do
  corpus="$work/corpus/$t"
  log="$work/$t.log"
  mkdir -p "$corpus"
  # The photo targets' inputs are tiled over frames of up to 96x96 pixels:
  # a header and one whole frame (8 + 96 * 96 * 4 bytes) let every pixel be
  # chosen. The loader's: 4 KB holds the PNG, JPEG, GIF and TIFF seeds
  # whole (the BMP and icon seeds are cut, which is itself a case worth
  # fuzzing), and the limit keeps each run short. The comparator's: 512
  # bytes hold three values longer than any detail on a document (an MRZ
  # line is 44 characters, a name field about 40), and its time per input
  # grows with the values' lengths.
  max_len=()
  case $t in photo|photo-live) max_len=(-max_len=36872) ;; esac
  [ "$t" = loader ] && max_len=(-max_len=4096)
  [ "$t" = compare ] && max_len=(-max_len=512)
  status=0
  "$build/tests/fuzz/fuzz-$t" "${max_len[@]}" -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t-" ${FUZZ_ARGS:-} \
    "$corpus" "$work/seeds/$t" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz-$t: ok, ${runs:-?} runs in ${seconds} s (${speed:-?}/s), peak ${rss:-?} MB"
  else
    failed=$((failed + 1))
    echo "fuzz-$t: FAILED after ${runs:-?} runs (exit $status); see $log"
    grep -E '^(SUMMARY|==[0-9]+==ERROR)|ERROR:|artifact_prefix' "$log" | head -5 || true
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
