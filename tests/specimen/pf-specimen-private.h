/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the parts of the specimen generator; not for tests to use. */
#pragma once

#include <cairo.h>

#include "pf-specimen.h"

G_BEGIN_DECLS

/* A small, fast generator for textures and noise. The seed decides every
 * value, so the same parameters give the same pixels. */
typedef struct
{
  guint64 state;
} SpecimenRng;

void     specimen_rng_init      (SpecimenRng *rng,
                                 guint64      seed,
                                 guint64      stream);
guint32  specimen_rng_next      (SpecimenRng *rng);
double   specimen_rng_double    (SpecimenRng *rng);  /* [0, 1) */
double   specimen_rng_range     (SpecimenRng *rng,
                                 double       lo,
                                 double       hi);
int      specimen_rng_int       (SpecimenRng *rng,
                                 int          n);    /* [0, n) */

/* The colours of one document, chosen by its seed. */
typedef struct
{
  double base[3];      /* the card's ground, light */
  double guilloche[3]; /* fine lines over the ground */
  double accent[3];    /* the header band */
  double text[3];      /* the values */
  double label[3];     /* the small captions */
} SpecimenPalette;

/* A text item being recorded in millimetres on the flat document. */
typedef struct
{
  const char *field;
  char       *text;
  double      x, y, width, height;
} SpecimenTextMm;

/* Fills @out's params (normalised), corners and geometry from @params
 * without drawing anything; @out owns nothing afterwards. */
void     specimen_measure       (const PfSpecimenParams *params,
                                 PfSpecimen             *out);

/* The document's content: identity, MRZ and the palette. Filled from the
 * layout and the seed. */
void     specimen_identity_fill (PfSpecimen       *self,
                                 PfSpecimenLayout  layout,
                                 guint32           seed);
void     specimen_palette_for_seed (SpecimenPalette *palette,
                                    guint32          seed);
char    *specimen_transliterate (const char       *name,
                                 int               variant);
char    *specimen_printed_date  (const char       *iso,
                                 guint32           seed);

/* A point on the @index-th field's printed value, in millimetres; FALSE
 * past the last field. */
gboolean specimen_layout_field_anchor (PfSpecimenLayout layout,
                                       int              index,
                                       double          *x_mm,
                                       double          *y_mm);

/* The MRZ, portrait and blank rectangles of a layout, in millimetres. */
void     specimen_layout_rects_mm (PfSpecimenLayout layout,
                                   PfRect          *mrz,
                                   PfRect          *photo,
                                   PfRect          *blank);

/* Draws the flat document at @px_per_mm into a new ARGB32 surface (with a
 * transparent outside of the rounded corners) and records the texts. */
cairo_surface_t *specimen_document_draw (const PfSpecimen *self,
                                         double            px_per_mm,
                                         GArray           *texts_mm);
void     specimen_surface_destroy_secure (cairo_surface_t *surface);

/* The scene around the document, drawn into @rgba (frame size, opaque). */
void     specimen_background_draw (const PfSpecimenParams *params,
                                   const PfPoint           corners[4],
                                   const SpecimenPalette  *palette,
                                   guint8                 *rgba,
                                   int                     width,
                                   int                     height,
                                   int                     stride);
/* The occluder's coverage (0..255) over the frame, or NULL for none. */
guint8  *specimen_occluder_mask (const PfSpecimenParams *params,
                                 const PfPoint           corners[4],
                                 int                     width,
                                 int                     height);
void     specimen_occluder_paint (const PfSpecimenParams *params,
                                  const PfPoint           corners[4],
                                  guint8                 *rgba,
                                  int                     width,
                                  int                     height,
                                  int                     stride);

/* Projective maps. H maps flat-document millimetres to frame pixels. */
typedef struct
{
  double m[9];
} SpecimenHomography;

gboolean specimen_homography_from_quads (SpecimenHomography *h,
                                         const PfPoint       src[4],
                                         const PfPoint       dst[4]);
gboolean specimen_homography_invert     (const SpecimenHomography *h,
                                         SpecimenHomography       *inverse);
PfPoint  specimen_homography_apply      (const SpecimenHomography *h,
                                         double                    x,
                                         double                    y);

PfRect   specimen_bounds        (const PfPoint            *points,
                                 int                       n);
PfRect   specimen_project_box   (const SpecimenHomography *h,
                                 double                    x,
                                 double                    y,
                                 double                    w,
                                 double                    hgt);

/* The camera, in place on an RGBA frame. */
void     specimen_warp_document (guint8                   *frame,
                                 int                       width,
                                 int                       height,
                                 int                       stride,
                                 cairo_surface_t          *document,
                                 double                    doc_px_per_mm,
                                 const SpecimenHomography *mm_to_frame,
                                 guint8                   *coverage);
void     specimen_camera_light  (const PfSpecimenParams *params,
                                 guint8                 *rgba,
                                 int                     width,
                                 int                     height,
                                 int                     stride);
void     specimen_camera_glare  (const PfSpecimenParams   *params,
                                 const SpecimenHomography *to_frame,
                                 const SpecimenHomography *frame_to_mm,
                                 double                    width_mm,
                                 double                    height_mm,
                                 const guint8             *coverage,
                                 guint8                   *rgba,
                                 int                       width,
                                 int                       height,
                                 int                       stride);
void     specimen_camera_optics (const PfSpecimenParams *params,
                                 guint8                 *rgba,
                                 int                     width,
                                 int                     height,
                                 int                     stride);
void     specimen_camera_sensor (const PfSpecimenParams *params,
                                 guint8                 *rgba,
                                 int                     width,
                                 int                     height,
                                 int                     stride);
void     specimen_camera_moire  (const PfSpecimenParams *params,
                                 guint8                 *rgba,
                                 int                     width,
                                 int                     height,
                                 int                     stride);
void     specimen_gaussian_blur (guint8 *rgba,
                                 int     width,
                                 int     height,
                                 int     stride,
                                 double  sigma);
PfImage *specimen_jpeg_roundtrip (PfImage *image,
                                  int      quality);

/* The elliptical distance of a document point (mm) from a glare spot's
 * centre: 1 on the edge of its saturated core. */
double   specimen_glare_distance (const PfSpecimenGlare *glare,
                                  double                 width_mm,
                                  double                 height_mm,
                                  double                 x_mm,
                                  double                 y_mm);
PfRect   specimen_glare_frame_box (const PfSpecimenGlare    *glare,
                                   double                    width_mm,
                                   double                    height_mm,
                                   const SpecimenHomography *to_frame,
                                   double                    scale);
PfPoint  specimen_glare_outline  (const PfSpecimenGlare *glare,
                                  double                 width_mm,
                                  double                 height_mm,
                                  double                 theta,
                                  double                 scale);

G_END_DECLS
