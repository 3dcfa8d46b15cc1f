/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-document.h"
#include "pf-finding.h"
#include "pf-image.h"

G_BEGIN_DECLS

/**
 * PfPoint:
 *
 * A point in image pixels.
 */
typedef struct
{
  double x;
  double y;
} PfPoint;

/**
 * PfPhotoOptions:
 * @kind: the document the person said they photograph; sets its physical
 *   size (card or passport page)
 * @live: a camera frame rather than a chosen photo: checks may trade a
 *   little precision for speed and skip what only matters for files
 * @glare_strictness: 0 (lenient) to 2 (strict); 1 is the default
 *
 * How to check a photo. Zero-initialised options are valid defaults.
 */
typedef struct
{
  PfDocumentKind kind;
  gboolean       live;
  int            glare_strictness;
} PfPhotoOptions;

/**
 * PfPhotoReport:
 *
 * What the photo checks found: every finding (at least one per check, an
 * "ok" one when it passed), the document's outline when found, and the
 * measured values behind the verdicts (for meters, tests and the JSON).
 * Immutable once returned; ref-counted, so it can cross threads.
 */
typedef struct _PfPhotoReport PfPhotoReport;

#define PF_TYPE_PHOTO_REPORT (pf_photo_report_get_type ())

GType           pf_photo_report_get_type     (void) G_GNUC_CONST;

PfPhotoReport  *pf_photo_check               (PfImage              *image,
                                              const PfPhotoOptions *options);

PfPhotoReport  *pf_photo_report_ref          (PfPhotoReport        *self);
void            pf_photo_report_unref        (PfPhotoReport        *self);
int             pf_photo_report_get_width    (PfPhotoReport        *self);
int             pf_photo_report_get_height   (PfPhotoReport        *self);
gboolean        pf_photo_report_get_outline  (PfPhotoReport        *self,
                                              PfPoint               corners[4]);
GPtrArray      *pf_photo_report_get_findings (PfPhotoReport        *self);
PfFinding      *pf_photo_report_find         (PfPhotoReport        *self,
                                              const char           *id);
PfSeverity      pf_photo_report_get_worst    (PfPhotoReport        *self);
gboolean        pf_photo_report_get_metric   (PfPhotoReport        *self,
                                              const char           *name,
                                              double               *value);
GList          *pf_photo_report_list_metrics (PfPhotoReport        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfPhotoReport, pf_photo_report_unref)

G_END_DECLS
