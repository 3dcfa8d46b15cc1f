/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-image.h"

G_BEGIN_DECLS

#define PF_TYPE_DEMO_SOURCE (pf_demo_source_get_type ())

G_DECLARE_FINAL_TYPE (PfDemoSource, pf_demo_source, PF, DEMO_SOURCE, GObject)

PfDemoSource *pf_demo_source_new            (const char   *resource_dir,
                                             double        frame_rate,
                                             guint         scene_msec,
                                             const char   *missing_message);
void          pf_demo_source_start          (PfDemoSource *self,
                                             const char   *name);
void          pf_demo_source_stop           (PfDemoSource *self);
gboolean      pf_demo_source_is_running     (PfDemoSource *self);
double        pf_demo_source_get_frame_rate (PfDemoSource *self);

G_END_DECLS
