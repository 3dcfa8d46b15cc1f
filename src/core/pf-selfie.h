/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-face-detect.h"
#include "pf-finding.h"
#include "pf-image.h"

G_BEGIN_DECLS

/**
 * PfSelfieOptions:
 * @frame_rate: the camera's measured frames per second when live; 0 for a
 *   still photo (the camera check then does not run)
 * @camera_width: the camera's frame size when live; 0 for a still photo
 * @camera_height: likewise
 * @detector: (nullable): a detector to reuse across frames (borrowed); %NULL
 *   uses the shared default one
 *
 * How to check a selfie. Zero-initialised options are valid defaults.
 */
typedef struct
{
  double          frame_rate;
  int             camera_width;
  int             camera_height;
  PfFaceDetector *detector;
} PfSelfieOptions;

/**
 * PfSelfieReport:
 *
 * What the selfie checks found: every finding (ids `selfie.face`,
 * `selfie.light`, `selfie.sharpness`, `selfie.camera`; an "ok" one per
 * check that passed), the faces detected, and the measured values behind
 * the verdicts. Immutable once returned; ref-counted, so it can cross
 * threads.
 */
typedef struct _PfSelfieReport PfSelfieReport;

#define PF_TYPE_SELFIE_REPORT (pf_selfie_report_get_type ())

GType            pf_selfie_report_get_type      (void) G_GNUC_CONST;

PfSelfieReport  *pf_selfie_check                (PfImage               *image,
                                                 const PfSelfieOptions *options);

PfSelfieReport  *pf_selfie_report_ref           (PfSelfieReport        *self);
void             pf_selfie_report_unref         (PfSelfieReport        *self);
int              pf_selfie_report_get_width     (PfSelfieReport        *self);
int              pf_selfie_report_get_height    (PfSelfieReport        *self);
gboolean         pf_selfie_report_get_detection (PfSelfieReport        *self);
guint            pf_selfie_report_get_n_faces   (PfSelfieReport        *self);
gboolean         pf_selfie_report_get_face      (PfSelfieReport        *self,
                                                 guint                  index,
                                                 PfRect                *rect);
gboolean         pf_selfie_report_get_checked_region (PfSelfieReport   *self,
                                                      PfRect           *rect);
GPtrArray       *pf_selfie_report_get_findings  (PfSelfieReport        *self);
PfFinding       *pf_selfie_report_find          (PfSelfieReport        *self,
                                                 const char            *id);
PfSeverity       pf_selfie_report_get_worst     (PfSelfieReport        *self);
gboolean         pf_selfie_report_get_metric    (PfSelfieReport        *self,
                                                 const char            *name,
                                                 double                *value);
GList           *pf_selfie_report_list_metrics  (PfSelfieReport        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PfSelfieReport, pf_selfie_report_unref)

G_END_DECLS
