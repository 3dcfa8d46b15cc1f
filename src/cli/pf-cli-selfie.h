/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *pf_cli_selfie_write_text (GPtrArray     *results);
char  *pf_cli_selfie_write_json (GPtrArray     *results);
int    pf_cli_selfie_run        (char         **files,
                                 gboolean       json);

G_END_DECLS
