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
# It starts from an empty build directory every time (_build-sanitize, or
# PF_SANITIZE_BUILD_DIR), so that CI's result never depends on an old one;
# PF_SANITIZE_REUSE=1 keeps and updates it instead, for working on a fix.
# The last lines give the time taken by the build and by the suite, the
# processor time of both, and the counts.
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

build_start=$(date +%s)
if [ "${PF_SANITIZE_REUSE:-0}" != 1 ]; then
  rm -rf "$build"
fi
if [ ! -f "$build/build.ninja" ]; then
  ASAN_OPTIONS=detect_leaks=0 meson setup "$build" "$top" \
    -Db_sanitize=address,undefined -Db_lundef=false ${PF_MESON_ARGS:-}
fi
ASAN_OPTIONS=detect_leaks=0 meson compile -C "$build" -j "${PF_JOBS:-2}"
build_seconds=$(( $(date +%s) - build_start ))

reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
# Leaks are judged here, after the suite, not by LeakSanitizer's own
# suppressions: those hide a leak when any frame of its stack matches, and
# nearly all of the app's code runs below a GTK frame (a signal, the frame
# clock), so one entry for GTK would hide the app's leaks too. Instead each
# process writes its report to $reports and goes on (exitcode=0), and the
# script below counts a leak as a library's only when the library made the
# allocation and none of our code asked for it (see the rule there). Every
# other sanitizer report stops the process (abort_on_error, halt_on_error),
# so its test fails.
#
# The libraries below us are built without frame pointers, so the fast
# unwinder records a stack only up to the first of them: a stack ending in
# g_malloc could not be told apart (GLib's own quark table looks like any
# lost string of ours). The slow unwinder follows them; limited to the 8
# innermost frames it stays affordable (test-ui-summary: 39 s of processor
# time) and reaches the caller past GLib's allocators. A leak is then a
# library's only if no frame of ours is among those 8 (see the rule
# below): an allocation of ours made deeper inside a library is not seen
# as ours. PF_SANITIZE_FULL_STACKS=1 records whole stacks (twenty times
# slower and more in the GTK tests: for looking into one test, not the
# suite).
depth=8
[ "${PF_SANITIZE_FULL_STACKS:-0}" = 1 ] && depth=128
export LSAN_OPTIONS=${LSAN_OPTIONS:-exitcode=0:fast_unwind_on_malloc=0:malloc_context_size=$depth:log_path=$reports/report:log_exe_name=1}
# Every GLib allocation through malloc, so that LeakSanitizer sees it.
export G_SLICE=always-malloc
# The photo page tests wait for frames to be analysed; under the sanitizers
# an analysis takes several times as long (their waits end as soon as the
# condition holds, so a larger limit costs nothing when all is well).
export PF_TEST_WAIT_SCALE=${PF_TEST_WAIT_SCALE:-16}
# The tests draw with GTK's cairo renderer already, but GDK still opens
# Mesa's software GL driver when it opens the display, and Mesa unloads it
# before LeakSanitizer looks, so its one leak shows from an "unknown
# module" that no rule can name. Without GL it is never loaded.
export GDK_DEBUG=${GDK_DEBUG:-gl-disable}

start=$(date +%s)
status=0
# Everything runs 2 to 3 times slower under the sanitizers.
sanitized_test () {
  local logbase=$1
  shift
  xvfb-run -a dbus-run-session -- meson test -C "$build" --print-errorlogs \
    --logbase "$logbase" --timeout-multiplier "${PF_TIMEOUT_MULTIPLIER:-4}" "$@" || status=$?
}
# The slow unwinder that makes leak reports readable costs the GTK tests
# fifty times their time (GTK allocates on every frame; ui-wizard: 3 s
# plain, 140 s with leak stacks), which no CI run affords for the whole
# window tests and the accessibility walks. So by default the suite runs
# in two parts: every test of the core, the camera layer and the
# command-line companion with leaks judged as above, and the GTK tests
# (suites ui and a11y) under the same sanitizers with leak detection off:
# every memory error and undefined behaviour there still stops the test.
# Those use the fast unwinder (it reads LSAN_OPTIONS too): with it an
# accessibility walk takes 105 s instead of 570 s, ui-wizard 4 s instead
# of 46 s, and a memory error's stacks still reach our code, which keeps
# frame pointers. Leaks of the live pages over time are measured by the soak benchmark
# instead. PF_SANITIZE_UI_LEAKS=1 judges leaks in every test (hours), and
# arguments (e.g. --suite ui) run just those tests, leaks judged.
passes=()
if [ $# -gt 0 ] || [ "${PF_SANITIZE_UI_LEAKS:-0}" = 1 ]; then
  sanitized_test sanitize "$@"
  passes=(sanitize)
else
  sanitized_test sanitize-leaks --no-suite ui --no-suite a11y
  ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0 LSAN_OPTIONS=exitcode=0:fast_unwind_on_malloc=1 \
    sanitized_test sanitize-gtk --suite ui --suite a11y
  passes=(sanitize-leaks sanitize-gtk)
fi
suite_seconds=$(( $(date +%s) - start ))

# The processor time of everything above (build and suite, every child):
# on a busy machine the wall clock says little.
# (`times` in this shell: in a command substitution it would count only
# the substitution's own children, none.)
times > "$reports/times"
cpu=$(tail -1 "$reports/times" | awk '{ split ($1, u, "m"); split ($2, s, "m");
  printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
rm -f "$reports/times"

build_seconds=$build_seconds suite_seconds=$suite_seconds cpu=$cpu \
logs=$(printf "$build/meson-logs/%s.json:" "${passes[@]}") \
python3 - "$reports" "$top" "$build" \
  "$top/build-aux/sanitize-lsan.supp" <<'PY' || status=1
import json, os, re, sys

reports, top, build, supp = sys.argv[1:5]
testlogs = [name for name in os.environ["logs"].split(":") if name]

# The libraries whose own allocations may stay: sanitize-lsan.supp, one
# "leak:NAME" a line, each with its reason.
libraries = [line.strip()[5:] for line in open(supp)
             if line.startswith("leak:")]
# Frames that only carry an allocation (the allocator, GLib's memory and
# type functions, signal emission) say nothing about who asked for it.
carriers = ("libasan.so", "libubsan.so", "/libsanitizer/", "libglib-2.0.so", "libgobject-2.0.so")
# Where a library's own work starts: below these, our code only runs the
# main loop or starts the library, and asked for nothing.
boundaries = re.compile(r" in (g_main_context_dispatch|g_main_context_iteration|g_main_loop_run|"
                        r"g_application_run|gtk_init|gtk_init_check|gtk_test_init|gst_init|"
                        r"gst_init_check|adw_init|start_thread|g_thread_proxy|call_init|_dl_init)\b")

def ours(frame):
    match = re.search(r" in \S+ (\S+?):\d+", frame)
    if match:
        path = os.path.normpath(os.path.join(build, match.group(1)))
        if path.startswith(top + os.sep) and not path.startswith(build + os.sep + "meson-private"):
            return True
    match = re.search(r"\((/[^+)]+)\+0x", frame)
    return bool(match) and match.group(1).startswith(build + os.sep)

def owner(frames):
    """The library that made a leaked allocation on its own, or None when
    our code made it or asked for it. Walking from the allocation outwards,
    past the carriers: the first frame must be in a listed library, and no
    frame of ours may come before the main loop or the library's start-up
    (or the stack's end). So a GTK object the app made and lost is the
    app's leak, even when GTK allocated it inside a signal."""
    library = None
    for frame in frames:
        if boundaries.search(frame):
            # Only carriers so far: GLib allocated on its own (in its
            # constructor, or in the main loop).
            if library is None:
                library = next((lib for lib in libraries for f in frames[:frames.index(frame)]
                                if lib in f), None)
            break
        if ours(frame):
            return None
        if library is None and not any(c in frame for c in carriers):
            library = next((lib for lib in libraries if lib in frame), None)
            if library is None:
                return None
    return library

passed = failed = skipped = 0
for line in (line for testlog in testlogs for line in open(testlog)):
    test = json.loads(line)
    result = test.get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
        print(f"FAILED: {test.get('name')} ({result})")

theirs = {}
our_leaks = 0
other_reports = 0
for name in sorted(os.listdir(reports)):
    text = open(os.path.join(reports, name), errors="replace").read()
    program = name.split(".")[1] if name.count(".") >= 2 else name
    for block in re.split(r"\n(?=(?:Direct|Indirect) leak of )", text)[1:]:
        block = block.split("\n\n")[0]
        frames = [l.strip() for l in block.splitlines()[1:] if l.strip().startswith("#")]
        size = int(re.match(r"\w+ leak of (\d+)", block).group(1))
        library = owner(frames)
        if library is None:
            our_leaks += 1
            print(f"LEAK in {program} ({name}):\n{block}\n")
        else:
            count, total = theirs.get(library, (0, 0))
            theirs[library] = (count + 1, total + size)
    if re.search(r"ERROR: AddressSanitizer|runtime error:", text):
        other_reports += 1
        print(f"REPORT from {program} ({name}):\n" + "\n".join(text.splitlines()[:40]) + "\n")

for library, (count, total) in sorted(theirs.items()):
    print(f"sanitizers: left to {library}: {count} leak reports, {total} bytes")
if our_leaks or other_reports:
    print(f"sanitizers: {our_leaks} leaks of ours, {other_reports} other reports (above)")
    failed += 1
print(f"sanitizers: build {os.environ['build_seconds']} s, suite {os.environ['suite_seconds']} s, "
      f"processor time {os.environ['cpu']} s, load average {open('/proc/loadavg').read().split()[:3]}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
exit $status
