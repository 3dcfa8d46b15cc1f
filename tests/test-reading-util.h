/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Frames of one drawn document for the tests and the benchmark of
 * agreement across frames: the same MRZ drawn a little differently each
 * time (size, blur, turn, noise, JPEG), as a hand-held camera sees it. */
#pragma once

#include "pf-image.h"
#include "test-mrz-util.h"

G_BEGIN_DECLS

/* The ICAO TD3 specimen with its document number's L read as 1: L is 21,
 * 1 is 1, and 7 × 20 is a multiple of ten, so the number's check digit
 * and the composite one still pass. */
#define TD3_SWAPPED_NUMBER \
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" \
  "1898902C36UTO7408122F1204159ZE184226B<<<<<10"

PfImage *reading_test_draw_frame (const char *mrz,
                                  guint       variant,
                                  guint32     seed);

G_END_DECLS
