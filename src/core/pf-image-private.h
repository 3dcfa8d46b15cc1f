/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The grey view's loops (pf-image-grey.c), for pf-image.c. Not for use
 * outside src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  pf_grey_make        (const guint8 *rgba,
                           gsize         stride,
                           guint8       *grey,
                           int           width,
                           int           height);
void  pf_grey_make_small  (const guint8 *rgba,
                           gsize         stride,
                           guint8       *grey,
                           int           width,
                           int           height,
                           guint8       *small,
                           int           small_width,
                           int           small_height);

G_END_DECLS
