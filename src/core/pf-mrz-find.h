/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding the lines of an MRZ in a grey image (pf-mrz-find.c), from the
 * blobs of dark pixels in it (pf-mrz-blobs.c). */
#pragma once

#include "pf-document.h"

G_BEGIN_DECLS

/* A blob of dark pixels, and where it sits along the text's slant
 * once that is known; @next and @prev link it into a text line. */
typedef struct
{
  int    x0, y0, x1, y1;  /* bounding box, inclusive */
  int    area;
  /* In the frame turned by the slant: */
  double cx, cy;
  double left, right;
  double w, h;
  int    next;
  int    prev;
} PfMrzBlob;

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

GArray    *pf_mrz_find_blobs  (const guint8 *grey,
                               int           width,
                               int           height,
                               gsize         stride,
                               int           factor);
GPtrArray *pf_mrz_find_groups (const guint8 *grey,
                               int           width,
                               int           height,
                               gsize         stride,
                               PfMrzFormat   format,
                               int           factor);

G_END_DECLS
