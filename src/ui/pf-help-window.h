/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_HELP_WINDOW (pf_help_window_get_type ())

G_DECLARE_FINAL_TYPE (PfHelpWindow, pf_help_window, PF, HELP_WINDOW, AdwWindow)

GtkWidget *pf_help_window_new      (GtkWindow    *parent,
                                    PfStep        step);
PfStep     pf_help_window_get_step (PfHelpWindow *self);
void       pf_help_window_set_step (PfHelpWindow *self,
                                    PfStep        step);

G_END_DECLS
