#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The screenshots in the README and the AppStream metainfo are taken by the
# test suite (tests/test-ui-screenshots.c and the photo page's tests), which
# renders each page to PNG in the build tree. This copies them into
# data/screenshots/ so that they can be committed with the change that made
# them stale.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${PF_BUILD_DIR:-_build}

build-aux/dev.sh test --suite ui >/dev/null
mkdir -p data/screenshots
for png in "$build"/tests/screenshots/*.png; do
  cp "$png" data/screenshots/
done
ls -1 data/screenshots
