/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the session (pf-session.c) and its details step's part
 * (pf-session-details.c). Not for use outside src/core. */
#pragma once

#include "pf-session.h"

G_BEGIN_DECLS

struct _PfSession
{
  GObject         parent_instance;

  PfDocumentKind  document_kind;
  GPtrArray      *findings[PF_N_STEPS];
  GDate           birth_date;
  PfImage        *photo;
  /* The live camera's last frames before the photo was captured, for
   * reading it again (pf_read_document_frames()); none for a photo
   * opened from a file. PfImage zeroes its pixels when freed. */
  GPtrArray      *photo_frames;

  /* The details step: what the person typed, what the document shows
   * (the printed zone's and the MRZ's values, as read), and the person's
   * corrections of that reading. Every string is zeroed when dropped. */
  char           *details[PF_N_FIELDS];
  char           *corrections[PF_N_FIELDS];
  char           *printed[PF_N_FIELDS];
  char           *mrz_values[PF_N_FIELDS];
  PfMrz          *mrz;
  gboolean        document_read;
};

/* pf-session.c */
void  pf_session_details_changed (PfSession *self);

/* pf-session-details.c */
void  pf_session_forget_details  (PfSession *self);

G_END_DECLS
