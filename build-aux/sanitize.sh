#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds ID Preflight with AddressSanitizer (and LeakSanitizer) and
# UndefinedBehaviorSanitizer in its own build directory and runs the whole
# test suite there, under a virtual display and a session bus, like
# `build-aux/dev.sh test`. Prints "N passed, N failed" at the end and exits
# non-zero when a test failed or a sanitizer reported anything.
#
#   build-aux/sanitize.sh [MESON-TEST-ARGS...]   e.g. --suite core
#
# Leaks are checked in the tests. The libraries below us keep a few
# allocations for the life of the process on purpose (fontconfig's caches,
# GLib's type system, GTK's and Mesa's singletons); those are listed, by
# the library that made them, in build-aux/sanitize-lsan.supp. Only while
# building are leaks not checked: meson runs some of our programs at build
# time (the MRZ glyph renderer) and uninstrumented tools it preloads.
#
#   build-aux/sanitize.sh --valgrind
#
# instead runs the command-line companion under valgrind's memcheck, in a
# plain build (valgrind and the sanitizers do not mix), over generated
# photos of each kind of document, plain and with --read (the MRZ reader
# and Tesseract): no memory error and nothing definitely lost, else it
# fails. Prints "N passed, N failed" too.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${PF_SANITIZE_BUILD_DIR:-$top/_build-sanitize}

if [ "${1:-}" = --valgrind ]; then
  build=${PF_VALGRIND_BUILD_DIR:-$top/_build}
  [ -f "$build/build.ninja" ] || meson setup "$build" "$top"
  meson compile -C "$build" -j "${PF_JOBS:-2}" src/cli/id-preflight-check tests/specimen/pf-make-specimen
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  supp=()
  [ -f /usr/share/glib-2.0/valgrind/glib.supp ] && supp=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
  passed=0
  failed=0
  start=$(date +%s)
  for layout in td1 td2 td3 licence; do
    for ext in png jpg; do
      photo="$work/$layout.$ext"
      "$build/tests/specimen/pf-make-specimen" --layout="$layout" --seed=8 --no-truth -o "$photo" > /dev/null
      for read in "" --read; do
        [ -n "$read" ] && [ "$ext" = jpg ] && continue
        log="$work/valgrind-$layout-$ext$read.log"
        status=0
        G_SLICE=always-malloc G_DEBUG=gc-friendly OMP_THREAD_LIMIT=1 \
          valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
          --show-leak-kinds=definite --errors-for-leak-kinds=definite "${supp[@]}" \
          --log-file="$log" "$build/src/cli/id-preflight-check" $read "$photo" > /dev/null || status=$?
        errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
        lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -1)
        if [ "$status" -le 2 ] && [ "${errors:-1}" = 0 ]; then
          passed=$((passed + 1))
          echo "valgrind: $layout.$ext $read: exit $status, 0 errors, definitely lost ${lost:-0} bytes"
        else
          failed=$((failed + 1))
          echo "valgrind: $layout.$ext $read: FAILED (exit $status, ${errors:-?} errors)"
          grep -A30 -E 'Invalid|uninitialised|definitely lost in' "$log" | head -60 || true
        fi
      done
    done
  done
  echo "valgrind: $(( $(date +%s) - start )) s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
fi

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

if [ ! -f "$build/build.ninja" ]; then
  ASAN_OPTIONS=detect_leaks=0 meson setup "$build" "$top" \
    -Db_sanitize=address,undefined -Db_lundef=false ${PF_MESON_ARGS:-}
fi
ASAN_OPTIONS=detect_leaks=0 meson compile -C "$build" -j "${PF_JOBS:-2}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/build-aux/sanitize-lsan.supp:print_suppressions=0}
# Every GLib allocation through malloc, so that LeakSanitizer sees it.
export G_SLICE=always-malloc

start=$(date +%s)
status=0
# Everything runs 2 to 3 times slower under the sanitizers.
xvfb-run -a dbus-run-session -- meson test -C "$build" --print-errorlogs \
  --timeout-multiplier "${PF_TIMEOUT_MULTIPLIER:-4}" "$@" || status=$?

python3 - "$build/meson-logs/testlog.json" "$(( $(date +%s) - start ))" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    test = json.loads(line)
    result = test.get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
        print(f"FAILED: {test.get('name')} ({result})")
print(f"sanitizers: the suite took {sys.argv[2]} s")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
