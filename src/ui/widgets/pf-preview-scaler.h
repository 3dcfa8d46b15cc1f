/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-image.h"

G_BEGIN_DECLS

typedef struct _PfPreviewScaler PfPreviewScaler;

/**
 * PfPreviewScaledFunc:
 * @owner: the object given to pf_preview_scaler_new(), still alive
 * @small: the scaled-down frame
 * @serial: the serial the frame was submitted with
 *
 * Runs on the main context of the pf_preview_scaler_new() caller.
 */
typedef void (*PfPreviewScaledFunc) (GObject *owner,
                                     PfImage *small,
                                     guint64  serial);

PfPreviewScaler *pf_preview_scaler_new    (GObject             *owner,
                                           PfPreviewScaledFunc  func);
void             pf_preview_scaler_submit (PfPreviewScaler     *self,
                                           PfImage             *image,
                                           int                  factor,
                                           guint64              serial);
void             pf_preview_scaler_free   (PfPreviewScaler     *self);

G_END_DECLS
