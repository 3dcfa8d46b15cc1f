/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reader's inner parts: measuring a line (pf-mrz-line.c), the
 * classifier of character cells (pf-mrz-classify.c) and the
 * check-digit-guided decoder (pf-mrz-decode.c). Finding the lines is in
 * pf-mrz-find.h. */
#pragma once

#include "pf-mrz-find.h"
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
 * by @tilt from cell to cell; the pitch by 2 @curve, from -(n - 1) @curve
 * at the first cell to (n - 1) @curve at the last: the glyph size changes
 * with it, as when a photo is taken at an angle. */
typedef struct
{
  double x0;
  double pitch;
  double baseline;
  double scale;
  double tilt;
  double curve;
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
gboolean pf_mrz_classify_use_wide (gboolean          wide);

/* A line measured in its strip, and how to map strip pixels back into
 * the image. */
typedef struct
{
  PfMrzStrip strip;
  PfMrzGrid  grid;
  double     origin_x;
  double     origin_y;
  double     cos_a;
  double     sin_a;
  double     height;
  double     score;
} PfMrzLine;

gboolean pf_mrz_line_cut           (PfMrzLine            *self,
                                    const guint8         *grey,
                                    int                   width,
                                    int                   height,
                                    gsize                 stride,
                                    const PfMrzFoundLine *found,
                                    guint                 n_cells);
void     pf_mrz_lines_settle_size  (PfMrzLine            *lines,
                                    guint                 n_lines,
                                    guint                 n_cells,
                                    PfMrzScores          *scores);
void     pf_mrz_line_settle        (PfMrzLine            *self,
                                    guint                 n_cells,
                                    PfMrzScores           scores);
void     pf_mrz_line_to_image      (const PfMrzLine      *self,
                                    double                u,
                                    double                v,
                                    PfPoint              *point);
void     pf_mrz_line_clear         (PfMrzLine            *self);

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
