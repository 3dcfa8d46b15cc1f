/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pf-finding.h"
#include "pf-session.h"

G_BEGIN_DECLS

const char *pf_status_get_icon_name (PfStepStatus  status);
const char *pf_status_get_label     (PfStepStatus  status);
const char *pf_severity_get_label   (PfSeverity    severity);
void        pf_status_set_style     (GtkWidget    *widget,
                                     PfStepStatus  status);
void        pf_status_show          (GtkImage     *image,
                                     PfStepStatus  status,
                                     const char   *label);

G_END_DECLS
