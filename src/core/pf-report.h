/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every check report holds (the photo checks', the selfie checks'):
 * the findings and the measured values behind them. Embedded in each
 * report's own struct, which adds what is particular to it (an outline,
 * faces) and keeps its own public API. Not for use outside src/core. */
#pragma once

#include "pf-finding.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray  *findings;  /* PfFinding, in the order the checks ran */
  GHashTable *metrics;   /* name -> double */
} PfReportCore;

void        pf_report_core_init         (PfReportCore *self);
void        pf_report_core_clear        (PfReportCore *self);
void        pf_report_core_add          (PfReportCore *self,
                                         PfFinding    *finding);
void        pf_report_core_remove       (PfReportCore *self,
                                         const char   *id);
void        pf_report_core_set_metric   (PfReportCore *self,
                                         const char   *name,
                                         double        value);
PfFinding  *pf_report_core_find         (PfReportCore *self,
                                         const char   *id);
PfSeverity  pf_report_core_get_worst    (PfReportCore *self);
gboolean    pf_report_core_get_metric   (PfReportCore *self,
                                         const char   *name,
                                         double       *value);
GList      *pf_report_core_list_metrics (PfReportCore *self);

G_END_DECLS
