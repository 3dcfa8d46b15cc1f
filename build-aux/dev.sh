#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Set up a Debian 12 machine for ID Preflight, build it, and run it or its
# tests. The README's two commands are:
#
#   build-aux/dev.sh run     install what is missing, build, start the app
#   build-aux/dev.sh test    install what is missing, build, run every test
#
# Also: `build-aux/dev.sh bench` runs the benchmarks and prints their figures.
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build=${PF_BUILD_DIR:-$top/_build}

# Debian packages: build tools, libraries, the OCR-B font and OCR data, and
# what the tests use (a virtual display, a session bus, validators, and
# OpenCV for the reference benchmark; pdftotext reads exported reports,
# strace proves the privacy rules, xdotool drives the keyboard walk; clang
# and its runtimes build the fuzzers).
packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libgdk-pixbuf-2.0-dev librsvg2-common libjson-glib-dev libcairo2-dev libpango1.0-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-opencv opencv-data libportal-gtk4-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-eng
  fonts-ocr-b fonts-dejavu-core
  desktop-file-utils appstream flatpak-builder
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi xdotool
  python3-opencv python3-numpy python3-skimage
  poppler-utils strace valgrind
  clang libclang-rt-14-dev
)

install_packages () {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build () {
  if [ ! -f "$build/build.ninja" ]; then
    meson setup "$build" "$top" ${PF_MESON_ARGS:-}
  fi
  meson compile -C "$build"
}

# One line that CI reads: "N passed, N failed", counted from meson's own
# machine-readable test log.
summarize () {
  python3 - "$build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    result = json.loads(line).get("result")
    if result in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif result == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

case "${1:-}" in
  run)
    install_packages
    build
    # OMP_THREAD_LIMIT: Tesseract's OpenMP threads only slow it down.
    exec env OMP_THREAD_LIMIT=1 meson devenv -C "$build" src/id-preflight "${@:2}"
    ;;
  test)
    install_packages
    build
    status=0
    xvfb-run -a dbus-run-session -- meson test -C "$build" --print-errorlogs "${@:2}" || status=$?
    summarize
    exit $status
    ;;
  bench)
    install_packages
    build
    exec meson test -C "$build" --benchmark --verbose "${@:2}"
    ;;
  *)
    echo "usage: $0 run|test|bench" >&2
    exit 2
    ;;
esac
