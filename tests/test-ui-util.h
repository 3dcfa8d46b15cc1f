/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void        pf_test_ui_init              (int          *argc,
                                          char       ***argv);
void        pf_test_ui_settle            (GtkWidget    *widget);
void        pf_test_ui_wait              (guint         msec);
void        pf_test_ui_press             (GtkWidget    *widget);
void        pf_test_ui_click             (GtkWidget    *button);
GPtrArray  *pf_test_ui_find_all          (GtkWidget    *root,
                                          GType         type);
GtkWidget  *pf_test_ui_find              (GtkWidget    *root,
                                          GType         type);
GtkWidget  *pf_test_ui_find_action       (GtkWidget    *root,
                                          const char   *action_name);
GtkLabel   *pf_test_ui_find_label        (GtkWidget    *root,
                                          const char   *text);
gboolean    pf_test_ui_is_inside         (GtkWidget    *widget,
                                          GtkWidget    *ancestor);
GtkWindow  *pf_test_ui_find_toplevel     (GType         type);
GdkTexture *pf_test_ui_render            (GtkWidget    *window,
                                          GtkWidget    *content);
void        pf_test_ui_save_screenshot   (GdkTexture   *texture,
                                          const char   *name);

G_END_DECLS
