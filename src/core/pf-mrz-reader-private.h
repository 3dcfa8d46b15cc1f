/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's inner parts: the classifier of character cells
 * (pf-mrz-classify.c) and the check-digit-guided decoder
 * (pf-mrz-decode.c). The band and line finding is in pf-mrz-reader.c. */
#pragma once

#include "pf-mrz-private.h"
#include "pf-mrz-reader.h"

G_BEGIN_DECLS

#define PF_MRZ_MAX_LINES 3
#define PF_MRZ_MAX_CHARS 44

/* A text line cut out of the image along its direction, at the image's
 * resolution: 0 for paper, 1 for ink. */
typedef struct
{
  float *ink;
  int    width;
  int    height;
} PfMrzStrip;

/* Where the cells of a line are in its strip: the centre of cell i is at
 * x0 + i * pitch on the baseline; glyphs are drawn at @scale strip pixels
 * a font unit. The pitch and the glyph size are independent: many MRZs
 * are printed wider than the font's own advance. @blur is the index of
 * the references' blur that suits the line best. The baseline moves
 * by @tilt from cell to cell. */
typedef struct
{
  double x0;
  double pitch;
  double baseline;
  double scale;
  double tilt;
  int    blur;
} PfMrzGrid;

/* How far from its place in the grid a cell matched best. */
typedef struct
{
  float dx;
  float dy;
} PfMrzShift;

/* Every cell's score for every class: the best normalised
 * cross-correlation with the class's references, -1 to 1. */
typedef float PfMrzScores[PF_MRZ_MAX_CHARS][PF_MRZ_N_CLASSES];

double   pf_mrz_classify_line   (const PfMrzStrip *strip,
                                 const PfMrzGrid  *grid,
                                 guint             n_cells,
                                 guint             step,
                                 gboolean          shift_vertically,
                                 PfMrzScores       scores,
                                 PfMrzShift       *shifts);

typedef struct
{
  char     lines[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS + 1];
  double   confidences[PF_MRZ_MAX_LINES][PF_MRZ_MAX_CHARS];
  gboolean corrected;
} PfMrzDecoded;

void     pf_mrz_decode          (PfMrzLayout        layout,
                                 const PfMrzScores *scores,
                                 PfMrzDecoded      *decoded);

G_END_DECLS
