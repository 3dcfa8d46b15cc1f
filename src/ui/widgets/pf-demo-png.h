/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-image.h"

G_BEGIN_DECLS

gboolean pf_demo_png_save (PfImage     *image,
                           const char  *dir,
                           const char  *story,
                           int          index,
                           GError     **error);

G_END_DECLS
