/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-document.h"
#include "pf-image.h"

G_BEGIN_DECLS

#define PF_TYPE_PHOTO_DEMO (pf_photo_demo_get_type ())

G_DECLARE_FINAL_TYPE (PfPhotoDemo, pf_photo_demo, PF, PHOTO_DEMO, GObject)

PfPhotoDemo *pf_photo_demo_new        (void);
void         pf_photo_demo_start      (PfPhotoDemo    *self,
                                       PfDocumentKind  kind);
void         pf_photo_demo_stop       (PfPhotoDemo    *self);
gboolean     pf_photo_demo_is_running (PfPhotoDemo    *self);

G_END_DECLS
