/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libportal/portal.h>

G_BEGIN_DECLS

gboolean pf_camera_portal_is_sandboxed (void);
void     pf_camera_portal_open_async   (XdpParent           *parent,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
int      pf_camera_portal_open_finish  (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
