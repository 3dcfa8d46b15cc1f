#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The include rules between the layers (ARCHITECTURE.md), checked with grep:
# core includes nothing from camera or ui, nor GTK or GStreamer; camera
# never includes ui or GTK; cli includes core only. Prints TAP.
set -u
src="$1/src"
n=0
fail=0

check () {
  # $1: description, $2: directory, $3: extended regex that must not match
  n=$((n + 1))
  hits=$(grep -rnE "$3" "$src/$2" --include='*.c' --include='*.h' 2>/dev/null)
  if [ -n "$hits" ]; then
    echo "not ok $n - $1"
    echo "$hits" | sed 's/^/# /'
    fail=1
  else
    echo "ok $n - $1"
  fi
}

echo "1..9"
check "core includes no GTK or libadwaita" core '#include *[<"](gtk/|gdk/|adwaita)'
check "core includes no GStreamer" core '#include *[<"]gst/'
check "core includes nothing from camera or ui" core '#include *"(\.\./)*(camera|ui)/|#include *"pf-(camera|window|application)'
check "camera includes no GTK" camera '#include *[<"](gtk/|adwaita)'
check "camera includes nothing from ui" camera '#include *"(\.\./)*ui/|#include *"pf-(window|application|wizard)'
check "cli includes no GTK or GStreamer" cli '#include *[<"](gtk/|gdk/|adwaita|gst/)'
check "cli includes nothing from camera or ui" cli '#include *"(\.\./)*(camera|ui)/|#include *"pf-(camera|window|application|wizard)'

# gdk-pixbuf loads photos in one core file only, and Tesseract, which reads
# the printed zone, is wrapped by one core file (the MRZ has its own OCR-B
# reader).
only_in () {
  # $1: description, $2: regex, $3: the one file allowed to match
  n=$((n + 1))
  hits=$(grep -rlE "$2" "$src/core" --include='*.c' --include='*.h' | grep -v "/$3\$")
  if [ -n "$hits" ]; then
    echo "not ok $n - $1"
    echo "$hits" | sed 's/^/# /'
    fail=1
  else
    echo "ok $n - $1"
  fi
}
only_in "gdk-pixbuf only in the photo loader" '#include *[<"]gdk-pixbuf/|gdk_pixbuf_|GdkPixbuf' pf-image-loader.c
only_in "Tesseract only in its wrapper" '#include *[<"]tesseract/|TessBaseAPI' pf-ocr.c
exit $fail
