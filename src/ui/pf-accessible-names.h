/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pf_accessible_names_fix        (GtkWidget  *root);
void pf_accessible_names_keep_own   (GtkWidget  *widget);
void pf_accessible_names_label_list (GtkWidget  *root,
                                     const char *label);

G_END_DECLS
