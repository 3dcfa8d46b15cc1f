/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The findings and measured values every check report holds; see
 * pf-report.h. */

#include "config.h"

#include <string.h>

#include "pf-report.h"

void
pf_report_core_init (PfReportCore *self)
{
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
pf_report_core_clear (PfReportCore *self)
{
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->metrics, g_hash_table_unref);
}

/* @finding: (transfer full) */
void
pf_report_core_add (PfReportCore *self,
                    PfFinding    *finding)
{
  g_ptr_array_add (self->findings, finding);
}

/* Removes every finding with @id (a later step that replaces a check's
 * verdict). */
void
pf_report_core_remove (PfReportCore *self,
                       const char   *id)
{
  for (guint i = self->findings->len; i-- > 0;)
    if (g_str_equal (pf_finding_get_id (g_ptr_array_index (self->findings, i)), id))
      g_ptr_array_remove_index (self->findings, i);
}

void
pf_report_core_set_metric (PfReportCore *self,
                           const char   *name,
                           double        value)
{
  g_hash_table_insert (self->metrics, g_strdup (name), g_memdup2 (&value, sizeof value));
}

/* Returns: (transfer none) (nullable): the worst finding with @id */
PfFinding *
pf_report_core_find (PfReportCore *self,
                     const char   *id)
{
  PfFinding *worst = NULL;

  for (guint i = 0; i < self->findings->len; i++)
    {
      PfFinding *finding = g_ptr_array_index (self->findings, i);

      if (!g_str_equal (pf_finding_get_id (finding), id))
        continue;
      if (worst == NULL || pf_finding_get_severity (finding) > pf_finding_get_severity (worst))
        worst = finding;
    }

  return worst;
}

PfSeverity
pf_report_core_get_worst (PfReportCore *self)
{
  return pf_findings_worst (self->findings);
}

gboolean
pf_report_core_get_metric (PfReportCore *self,
                           const char   *name,
                           double       *value)
{
  const double *found = g_hash_table_lookup (self->metrics, name);

  if (found != NULL && value != NULL)
    *value = *found;

  return found != NULL;
}

/* Returns: (transfer container) (element-type utf8): the names, sorted */
GList *
pf_report_core_list_metrics (PfReportCore *self)
{
  return g_list_sort (g_hash_table_get_keys (self->metrics), (GCompareFunc) strcmp);
}
