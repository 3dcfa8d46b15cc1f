/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pf-compare.h"
#include "pf-document.h"
#include "pf-finding.h"
#include "pf-image.h"
#include "pf-mrz.h"

G_BEGIN_DECLS

/**
 * PfStep:
 *
 * The wizard's steps, in the order the person meets them.
 */
typedef enum
{
  PF_STEP_START,
  PF_STEP_PHOTO,
  PF_STEP_DETAILS,
  PF_STEP_VALIDITY,
  PF_STEP_SELFIE,
  PF_STEP_REGION,
  PF_STEP_SAFETY,
  PF_STEP_SUMMARY,
} PfStep;

#define PF_N_STEPS (PF_STEP_SUMMARY + 1)

/**
 * PfStepStatus:
 *
 * What the step list shows for a step. Ordered like #PfSeverity, with
 * "not checked yet" below everything.
 */
typedef enum
{
  PF_STEP_STATUS_UNCHECKED,
  PF_STEP_STATUS_OK,
  PF_STEP_STATUS_CAUTION,
  PF_STEP_STATUS_BLOCKER,
} PfStepStatus;

const char   *pf_step_get_id               (PfStep          step);
const char   *pf_step_get_title            (PfStep          step);
PfStepStatus  pf_step_status_from_severity (PfSeverity      severity);

#define PF_TYPE_SESSION (pf_session_get_type ())

G_DECLARE_FINAL_TYPE (PfSession, pf_session, PF, SESSION, GObject)

PfSession      *pf_session_new                (void);

PfDocumentKind  pf_session_get_document_kind  (PfSession      *self);
void            pf_session_set_document_kind  (PfSession      *self,
                                               PfDocumentKind  kind);

GPtrArray      *pf_session_get_findings       (PfSession      *self,
                                               PfStep          step);
void            pf_session_set_findings       (PfSession      *self,
                                               PfStep          step,
                                               GPtrArray      *findings);
void            pf_session_clear_step         (PfSession      *self,
                                               PfStep          step);
PfStepStatus    pf_session_get_status         (PfSession      *self,
                                               PfStep          step);

gboolean        pf_session_get_birth_date     (PfSession      *self,
                                               GDate          *date);
void            pf_session_set_birth_date     (PfSession      *self,
                                               const GDate    *date);

PfImage        *pf_session_get_photo          (PfSession      *self);
void            pf_session_set_photo          (PfSession      *self,
                                               PfImage        *photo);
GPtrArray      *pf_session_get_photo_frames   (PfSession      *self);
void            pf_session_set_photo_with_frames (PfSession   *self,
                                               PfImage        *photo,
                                               PfImage       **frames,
                                               guint           n_frames);

const char     *pf_session_get_detail         (PfSession      *self,
                                               PfField         field);
void            pf_session_set_detail         (PfSession      *self,
                                               PfField         field,
                                               const char     *text);
const char     *pf_session_get_correction     (PfSession      *self,
                                               PfField         field);
void            pf_session_set_correction     (PfSession      *self,
                                               PfField         field,
                                               const char     *text);
gboolean        pf_session_get_document_read  (PfSession      *self);
const char     *pf_session_get_document_printed (PfSession    *self,
                                               PfField         field);
const char     *pf_session_get_document_mrz   (PfSession      *self,
                                               PfField         field);
PfMrz          *pf_session_get_mrz            (PfSession      *self);
void            pf_session_set_document       (PfSession      *self,
                                               const char    **printed,
                                               const char    **mrz_values,
                                               PfMrz          *mrz);
void            pf_session_clear_document     (PfSession      *self);

void            pf_session_forget             (PfSession      *self);

G_END_DECLS
