/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pf-detail-field.h"
#include "pf-reading-vote.h"
#include "pf-wizard-page.h"

G_BEGIN_DECLS

#define PF_TYPE_DETAILS_PAGE (pf_details_page_get_type ())

G_DECLARE_FINAL_TYPE (PfDetailsPage, pf_details_page, PF, DETAILS_PAGE, PfWizardPage)

/**
 * PfDetailsState:
 * @PF_DETAILS_STATE_NO_PHOTO: there is no document photo to read
 * @PF_DETAILS_STATE_READING: the photo is being read
 * @PF_DETAILS_STATE_READ: the photo was read, in whole or in part
 * @PF_DETAILS_STATE_UNREADABLE: nothing could be read on the photo
 * @PF_DETAILS_STATE_WAITING: there is a photo, not read yet
 *
 * Where the page is with reading the document.
 */
typedef enum
{
  PF_DETAILS_STATE_NO_PHOTO,
  PF_DETAILS_STATE_READING,
  PF_DETAILS_STATE_READ,
  PF_DETAILS_STATE_UNREADABLE,
  PF_DETAILS_STATE_WAITING,
} PfDetailsState;

PfDetailsState  pf_details_page_get_state (PfDetailsPage *self);
PfDetailField  *pf_details_page_get_field (PfDetailsPage *self,
                                           PfField        field);
PfReadingVote  *pf_details_page_get_vote  (PfDetailsPage *self);

G_END_DECLS
