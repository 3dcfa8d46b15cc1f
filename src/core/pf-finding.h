/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PfSeverity:
 * @PF_SEVERITY_OK: the check ran and found nothing to change
 * @PF_SEVERITY_CAUTION: worth changing; a service may still accept it
 * @PF_SEVERITY_BLOCKER: a service will refuse it; must be changed
 *
 * How much a finding matters. The order is meaningful: a higher value is
 * worse, so the worst of several findings is their maximum.
 */
typedef enum
{
  PF_SEVERITY_OK,
  PF_SEVERITY_CAUTION,
  PF_SEVERITY_BLOCKER,
} PfSeverity;

/**
 * PfRect:
 *
 * An axis-aligned rectangle in image pixels.
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} PfRect;

#define PF_TYPE_FINDING (pf_finding_get_type ())

G_DECLARE_FINAL_TYPE (PfFinding, pf_finding, PF, FINDING, GObject)

PfFinding   *pf_finding_new           (const char   *id,
                                       PfSeverity    severity,
                                       const char   *title,
                                       const char   *advice);
PfFinding   *pf_finding_new_with_region (const char   *id,
                                         PfSeverity    severity,
                                         const char   *title,
                                         const char   *advice,
                                         const PfRect *region);
const char  *pf_finding_get_id        (PfFinding    *self);
PfSeverity   pf_finding_get_severity  (PfFinding    *self);
const char  *pf_finding_get_title     (PfFinding    *self);
const char  *pf_finding_get_advice    (PfFinding    *self);
gboolean     pf_finding_get_region    (PfFinding    *self,
                                       PfRect       *region);

const char  *pf_severity_to_string    (PfSeverity    severity);
PfSeverity   pf_findings_worst        (GPtrArray    *findings);

G_END_DECLS
