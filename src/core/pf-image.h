/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PfImage:
 *
 * An 8-bit RGBA image (not premultiplied, R first in memory) with a grey
 * view made on demand. Ref-counted; the pixel memory is zeroed before it is
 * freed, because the pixels may show an identity document.
 *
 * An image is immutable once it is shared: analysis reads it from worker
 * threads while the preview shows the same bytes.
 */
typedef struct _PfImage PfImage;

#define PF_TYPE_IMAGE (pf_image_get_type ())

GType          pf_image_get_type        (void) G_GNUC_CONST;

PfImage       *pf_image_new             (int             width,
                                         int             height);
PfImage       *pf_image_new_from_data   (const guint8   *rgba,
                                         int             width,
                                         int             height,
                                         gsize           stride);
PfImage       *pf_image_new_for_data    (guint8         *rgba,
                                         int             width,
                                         int             height,
                                         gsize           stride,
                                         GDestroyNotify  release,
                                         gpointer        release_data);
PfImage       *pf_image_ref             (PfImage        *self);
void           pf_image_unref           (PfImage        *self);

int            pf_image_get_width       (const PfImage  *self);
int            pf_image_get_height      (const PfImage  *self);
gsize          pf_image_get_stride      (const PfImage  *self);
const guint8  *pf_image_get_data        (const PfImage  *self);
guint8        *pf_image_get_data_mutable (PfImage       *self);
const guint8  *pf_image_get_grey        (PfImage        *self);
const guint8  *pf_image_get_grey_and_small (PfImage     *self,
                                            guint8      *small,
                                            int          small_width,
                                            int          small_height);
PfImage       *pf_image_copy            (const PfImage  *self);
PfImage       *pf_image_new_scaled_down (const PfImage  *self,
                                         int             factor);

/* Test support: called with each pixel buffer just after it was zeroed and
 * just before it is released. */
typedef void (*PfImageReleaseObserver) (const guint8 *data,
                                        gsize         len);
void           pf_image_set_release_observer (PfImageReleaseObserver observer);

void           pf_secure_zero           (gpointer        data,
                                         gsize           len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfImage, pf_image_unref)

G_END_DECLS
