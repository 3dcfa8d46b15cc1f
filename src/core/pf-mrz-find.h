/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the lines of an MRZ in a grey image (pf-mrz-find.c). */
#pragma once

#include "pf-document.h"

G_BEGIN_DECLS

/* A text line: the middle of its characters from the left edge of the
 * first to the right edge of the last, in image pixels, and the height
 * of its characters. */
typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
  double height;
} PfMrzFoundLine;

/* Lines that may be an MRZ, top to bottom, with the number of characters
 * a line they would have. */
typedef struct
{
  guint          n_lines;
  guint          n_cells;
  PfMrzFoundLine lines[3];
} PfMrzFoundGroup;

GPtrArray *pf_mrz_find_groups (const guint8 *grey,
                               int           width,
                               int           height,
                               gsize         stride,
                               PfMrzFormat   format,
                               int           factor);

G_END_DECLS
