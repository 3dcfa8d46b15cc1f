/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-image.h"

G_BEGIN_DECLS

/* The pace the demo plays at, which the camera check measures. */
#define PF_SELFIE_DEMO_FRAME_RATE 30.0

#define PF_TYPE_SELFIE_DEMO (pf_selfie_demo_get_type ())

G_DECLARE_FINAL_TYPE (PfSelfieDemo, pf_selfie_demo, PF, SELFIE_DEMO, GObject)

PfSelfieDemo *pf_selfie_demo_new        (void);
void          pf_selfie_demo_start      (PfSelfieDemo *self);
void          pf_selfie_demo_stop       (PfSelfieDemo *self);
gboolean      pf_selfie_demo_is_running (PfSelfieDemo *self);

G_END_DECLS
