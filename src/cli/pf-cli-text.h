/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-cli.h"

G_BEGIN_DECLS

/* Appends one file's report to @out; nothing for a file not read. */
typedef void (*PfCliTextFileFunc) (GString  *out,
                                   gpointer  result);

const char *pf_cli_text_severity_label  (PfSeverity         severity);
void        pf_cli_text_append_file     (GString           *out,
                                         const char        *display_path,
                                         int                width,
                                         int                height);
void        pf_cli_text_append_findings (GString           *out,
                                         GPtrArray         *findings,
                                         gboolean           with_regions);
char       *pf_cli_text_write           (GPtrArray         *results);
char       *pf_cli_text_write_files     (GPtrArray         *results,
                                         PfCliTextFileFunc  append_file);

G_END_DECLS
