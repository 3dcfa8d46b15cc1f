/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pf-cli.h"
#include "pf-finding.h"

G_BEGIN_DECLS

void   pf_cli_json_add_number       (JsonBuilder    *builder,
                                     double          value);
void   pf_cli_json_add_rect         (JsonBuilder    *builder,
                                     const PfRect   *rect);
void   pf_cli_json_add_finding      (JsonBuilder    *builder,
                                     PfFinding      *finding);
void   pf_cli_json_add_findings     (JsonBuilder    *builder,
                                     GPtrArray      *findings);
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

G_END_DECLS
