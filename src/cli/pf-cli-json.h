/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-cli.h"
#include "pf-finding.h"

G_BEGIN_DECLS

/* Reads the metric @name of @report into @value. */
typedef void (*PfCliJsonMetricFunc) (gpointer    report,
                                     const char *name,
                                     double     *value);
/* Adds one file's object to a report. */
typedef void (*PfCliJsonFileFunc)   (JsonBuilder *builder,
                                     gpointer     result);

void   pf_cli_json_add_number       (JsonBuilder    *builder,
                                     double          value);
void   pf_cli_json_add_rect         (JsonBuilder    *builder,
                                     const PfRect   *rect);
void   pf_cli_json_add_finding      (JsonBuilder    *builder,
                                     PfFinding      *finding);
void   pf_cli_json_add_findings     (JsonBuilder    *builder,
                                     GPtrArray      *findings);
void   pf_cli_json_add_metrics      (JsonBuilder    *builder,
                                     GList          *names,
                                     PfCliJsonMetricFunc get,
                                     gpointer        report);
gboolean pf_cli_json_begin_file     (JsonBuilder    *builder,
                                     const char     *display_path,
                                     const GError   *error,
                                     int             width,
                                     int             height);
void   pf_cli_json_add_photo_report (JsonBuilder    *builder,
                                     PfPhotoReport  *report);
void   pf_cli_json_add_reading      (JsonBuilder    *builder,
                                     PfReading      *reading,
                                     GError         *error);
void   pf_cli_json_add_comparisons  (JsonBuilder    *builder,
                                     GPtrArray      *comparisons);
void   pf_cli_json_add_result       (JsonBuilder    *builder,
                                     PfCliResult    *result);
char  *pf_cli_json_write            (GPtrArray      *results);
char  *pf_cli_json_write_files      (GPtrArray      *results,
                                     PfCliJsonFileFunc add_file);

G_END_DECLS
