/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawn test images for the MRZ reader's tests and benchmark: random valid
 * MRZs, rendered in OCR-B (Debian's fonts-ocr-b) alone or at the bottom of
 * a simple document, then blurred, turned, noised and JPEG-compressed, so
 * that the text on every image is known by construction. */
#pragma once

#include <glib.h>

#include "pf-finding.h"
#include "pf-mrz.h"

G_BEGIN_DECLS

typedef struct
{
  double   cap_height;    /* pixels, the height of capital H */
  double   pitch_ratio;   /* character pitch over the font's advance: 1 as
                           * the font sets it, 1.15 for 2.2 mm characters at
                           * the 2.54 mm pitch of Doc 9303 */
  double   blur_sigma;    /* gaussian, pixels */
  double   angle_deg;     /* in-plane turn of the whole image */
  double   noise_sigma;   /* gaussian noise, grey levels */
  int      jpeg_quality;  /* 0 for none */
  gboolean document;      /* a whole document with text above the MRZ */
  guint32  seed;          /* the document's other text, the noise */
} MrzTestConditions;

typedef struct
{
  guint8 *grey;           /* width bytes a row */
  int     width;
  int     height;
  PfRect  band;           /* the MRZ's bounding box, with a little margin */
} MrzTestImage;

char         *mrz_test_make_text   (GRand                   *rand,
                                    PfMrzLayout              layout);
MrzTestImage *mrz_test_render      (const char              *mrz,
                                    const MrzTestConditions *conditions);
void          mrz_test_image_free  (MrzTestImage            *image);
gboolean      mrz_test_font_available (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MrzTestImage, mrz_test_image_free)

G_END_DECLS
