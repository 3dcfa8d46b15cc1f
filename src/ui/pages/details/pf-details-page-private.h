/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the details page (pf-details-page.c: the form, the comparison
 * and what the page says about the reading) and its reading of the photo
 * in a worker thread (pf-details-page-reading.c). Not for use outside the
 * page. */
#pragma once

#include "pf-details-page.h"

G_BEGIN_DECLS

struct _PfDetailsPage
{
  PfWizardPage     parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  AdwActionRow    *reading_row;
  GtkSpinner      *reading_spinner;
  GtkImage        *reading_icon;
  GtkButton       *reading_button;
  PfDetailField   *surname_field;
  PfDetailField   *given_names_field;
  PfDetailField   *birth_date_field;
  PfDetailField   *nationality_field;
  PfDetailField   *document_number_field;
  PfDetailField   *expiry_date_field;

  /* Borrowed references: the template owns them */
  PfDetailField   *fields[PF_N_FIELDS];

  /* Owned references */
  GCancellable    *cancellable;
  PfImage         *reading_photo;
  /* How the live camera's frames agreed with the photo's reading; NULL
   * for a photo opened from a file. Holds what was read: zeroed when
   * freed. */
  PfReadingVote   *vote;

  /* Why each field's reading needs the person's own check, as the
   * reader judged it; all PF_READING_DOUBT_NONE for a reading the session
   * was given without one (a field not read is then seen by its value). */
  PfReadingDoubt   doubts[PF_N_FIELDS];
  /* What the fields show since the last comparison: some doubt, and the
   * frames' in particular, for the reading row's words. */
  gboolean         any_doubt;
  gboolean         frames_differ;

  PfDetailsState   state;
  /* Why nothing could be read; says nothing about the person. */
  char            *read_error;
  gboolean         without_photo;
  gboolean         shown;
};

void  pf_details_page_set_state     (PfDetailsPage  *self,
                                     PfDetailsState  state,
                                     const char     *error);
void  pf_details_page_forget_doubts (PfDetailsPage  *self);

/* pf-details-page-reading.c */
void  pf_details_page_start_reading (PfDetailsPage  *self);
void  pf_details_page_stop_reading  (PfDetailsPage  *self);

G_END_DECLS
