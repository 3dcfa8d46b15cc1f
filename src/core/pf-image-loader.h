/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pf-image.h"

G_BEGIN_DECLS

/**
 * PF_IMAGE_LOAD_MAX_PIXELS:
 *
 * The largest picture the loader decodes, in pixels (50 megapixels): more
 * than any phone saves by default, and far less than the memory a forged
 * header could ask for.
 */
#define PF_IMAGE_LOAD_MAX_PIXELS (50 * 1000 * 1000)

/**
 * PF_IMAGE_LOAD_MAX_BYTES:
 *
 * The largest file the loader reads (200 MiB).
 */
#define PF_IMAGE_LOAD_MAX_BYTES ((gsize) 200 * 1024 * 1024)

#define PF_IMAGE_LOAD_ERROR (pf_image_load_error_quark ())

/**
 * PfImageLoadError:
 * @PF_IMAGE_LOAD_ERROR_EMPTY: the file holds no bytes
 * @PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE: the bytes are no picture format we know
 * @PF_IMAGE_LOAD_ERROR_TRUNCATED: a picture whose end is missing
 * @PF_IMAGE_LOAD_ERROR_DAMAGED: a picture whose contents make no sense
 * @PF_IMAGE_LOAD_ERROR_UNSUPPORTED: a known format that cannot be opened
 *   here (no decoder installed, or not a photo: PDF, SVG)
 * @PF_IMAGE_LOAD_ERROR_TOO_LARGE: too many pixels or bytes
 * @PF_IMAGE_LOAD_ERROR_UNREADABLE: missing, a folder, no permission, or
 *   not on this computer
 *
 * Why a picture could not be loaded. Every error's message is a sentence a
 * person can act on, ready to show as it is.
 */
typedef enum
{
  PF_IMAGE_LOAD_ERROR_EMPTY,
  PF_IMAGE_LOAD_ERROR_NOT_AN_IMAGE,
  PF_IMAGE_LOAD_ERROR_TRUNCATED,
  PF_IMAGE_LOAD_ERROR_DAMAGED,
  PF_IMAGE_LOAD_ERROR_UNSUPPORTED,
  PF_IMAGE_LOAD_ERROR_TOO_LARGE,
  PF_IMAGE_LOAD_ERROR_UNREADABLE,
} PfImageLoadError;

GQuark    pf_image_load_error_quark (void);

PfImage  *pf_image_load_file        (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);
PfImage  *pf_image_load_bytes       (GBytes        *bytes,
                                     GError       **error);

/* Test support: called with each scratch buffer that held the document
 * (the file's bytes, the decoder's pixels) just after it was zeroed and
 * just before it is released. */
void      pf_image_load_set_scratch_observer (PfImageReleaseObserver observer);

G_END_DECLS
