#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak-builder reads the manifest the way a real build would, with every
# GLib warning (an unknown key, a misspelt "sha256") made fatal. A copy with
# an unknown key must be refused, so that a pass means something.
# Usage: check-flatpak-builder.sh MANIFEST. Prints TAP; skips (a TAP plan of
# 1..0) only when flatpak-builder is not installed.
set -u
manifest=$(realpath "$1")

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "1..0 # SKIP flatpak-builder is not installed"
  exit 0
fi

# --show-manifest leaves a .flatpak-builder state folder in the working
# directory: keep it out of the tree.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

echo "1..2"
status=0

broken="$work/broken.json"
sed 's/"buildsystem": "meson",/"buildsystem": "meson", "no-such-key": true,/' "$manifest" > "$broken"
if G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$broken" >/dev/null 2>"$work/err" ||
   ! grep -q 'no-such-key' "$work/err"; then
  echo "not ok 1 - self-test: a manifest with an unknown key is refused"
  sed 's/^/# /' "$work/err"
  status=1
else
  echo "ok 1 - self-test: a manifest with an unknown key is refused"
fi

if G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >/dev/null 2>"$work/err"; then
  echo "ok 2 - flatpak-builder --show-manifest accepts the manifest"
else
  echo "not ok 2 - flatpak-builder --show-manifest accepts the manifest"
  sed 's/^/# /' "$work/err"
  status=1
fi
exit $status
