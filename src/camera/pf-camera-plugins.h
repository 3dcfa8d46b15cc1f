/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char **pf_camera_find_missing_elements (const char * const *names);
char **pf_camera_find_missing_required (void);

G_END_DECLS
