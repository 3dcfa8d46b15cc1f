/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the pixel-quality checks (blur, glare, exposure, copy) share: the
 * document region they look at (pf-doc-region.c), sampling inside it, the
 * paper level, and a test for text-like detail (pf-photo-util.c). Not for
 * use outside src/core. */
#pragma once

#include "pf-photo-private.h"

G_BEGIN_DECLS

/* The cap height of document text: OCR-B in the MRZ is about 2.3 mm, the
 * printed fields 2 to 3 mm. */
#define PF_TEXT_HEIGHT_MM 2.3

/* The document seen as a quadrilateral, with the homography that maps the
 * unit square (u, v: 0..1 from the document's top-left corner) onto it. */
typedef struct
{
  PfPoint   corners[4];   /* image pixels: top-left, top-right, bottom-right,
                           * bottom-left */
  double    h[9];         /* (u, v, 1) -> image, row-major */
  double    inv[9];       /* image -> (u, v, 1) */
  double    area;         /* image pixels² */
  double    px_per_mm;
  gboolean  from_outline; /* FALSE: the middle of the frame stood in */
} PfDocRegion;

void      pf_doc_region_init       (PfDocRegion          *self,
                                    const PfPhotoContext *ctx);
void      pf_doc_region_set_quad   (PfDocRegion          *self,
                                    const PfPoint         corners[4],
                                    double                width_mm,
                                    double                height_mm);
void      pf_doc_region_inset      (const PfDocRegion    *self,
                                    double                margin,
                                    PfDocRegion          *inset);
void      pf_doc_region_to_image   (const PfDocRegion    *self,
                                    double                u,
                                    double                v,
                                    PfPoint              *point);
void      pf_doc_region_to_unit    (const PfDocRegion    *self,
                                    double                x,
                                    double                y,
                                    double               *u,
                                    double               *v);
gboolean  pf_doc_region_row_span   (const PfDocRegion    *self,
                                    double                scale,
                                    int                   y,
                                    int                   width,
                                    int                  *x0,
                                    int                  *x1);
void      pf_doc_region_bounds     (const PfDocRegion    *self,
                                    double                scale,
                                    int                   width,
                                    int                   height,
                                    int                  *x0,
                                    int                  *y0,
                                    int                  *x1,
                                    int                  *y1);
void      pf_doc_region_get_rect   (const PfDocRegion    *self,
                                    const PfPhotoContext *ctx,
                                    PfRect               *rect);
double    pf_doc_region_text_px    (const PfDocRegion    *self);
gboolean  pf_doc_region_is_portrait (const PfDocRegion   *self);
const char *pf_doc_region_place    (const PfDocRegion    *self,
                                    const PfRect         *rect);

guint32   pf_photo_histogram       (const PfPhotoContext *ctx,
                                    const PfDocRegion    *region,
                                    guint32               hist[256]);
int       pf_histogram_percentile  (const guint32         hist[256],
                                    guint32               total,
                                    double                fraction);
double    pf_histogram_fraction    (const guint32         hist[256],
                                    guint32               total,
                                    int                   lo,
                                    int                   hi);

double    pf_photo_paper_level     (const PfPhotoContext *ctx,
                                    const PfDocRegion    *region);

/* Text-like detail in a rectangle of the full-resolution grey image: ink
 * strokes clearly darker than the paper around them, in the proportions of
 * print. */
typedef struct
{
  double   paper;         /* the bright level (95th percentile) */
  double   contrast;      /* the bright level minus the dark (5th percentile) */
  double   ink_fraction;  /* share of pixels nearer the dark level */
  double   crossings_along; /* between ink and paper, per row of samples */
  double   crossings_down;  /* and per column */
  gboolean is_text;
} PfTextCell;

void      pf_photo_text_cell       (const PfPhotoContext *ctx,
                                    int                   x0,
                                    int                   y0,
                                    int                   x1,
                                    int                   y1,
                                    double                min_contrast,
                                    PfTextCell           *cell);

float     pf_select_float          (float                *values,
                                    guint                 n,
                                    guint                 k);

/* For qsort() of floats, ascending. */
int       pf_compare_floats        (gconstpointer         a,
                                    gconstpointer         b);

G_END_DECLS
