/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The photo loader's format sniffing; not for use outside src/core. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PF_IMAGE_FORMAT_UNKNOWN,
  PF_IMAGE_FORMAT_PNG,
  PF_IMAGE_FORMAT_JPEG,
  PF_IMAGE_FORMAT_GIF,
  PF_IMAGE_FORMAT_BMP,
  PF_IMAGE_FORMAT_TIFF,
  PF_IMAGE_FORMAT_PNM,
  PF_IMAGE_FORMAT_WEBP,
  PF_IMAGE_FORMAT_HEIF,
  PF_IMAGE_FORMAT_AVIF,
  PF_IMAGE_FORMAT_PDF,
  PF_IMAGE_FORMAT_SVG,
} PfImageFormat;

/* What walking a file's structure told us before decoding it. The size is
 * known for PNG, JPEG, GIF and BMP; a missing end is found for PNG, JPEG
 * and uncompressed BMP. */
typedef struct
{
  gboolean has_size;
  guint32  width;
  guint32  height;
  gboolean truncated;
} PfImageStructure;

PfImageFormat  pf_image_format_sniff        (const guint8     *data,
                                             gsize             len);
void           pf_image_format_walk         (PfImageFormat     format,
                                             const guint8     *data,
                                             gsize             len,
                                             PfImageStructure *structure);
const char    *pf_image_format_get_decoder  (PfImageFormat     format);
const char    *pf_image_format_get_label    (PfImageFormat     format);

G_END_DECLS
