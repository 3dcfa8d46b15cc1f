/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pf-session.h"

G_BEGIN_DECLS

#define PF_TYPE_WIZARD_PAGE (pf_wizard_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PfWizardPage, pf_wizard_page, PF, WIZARD_PAGE, AdwBin)

struct _PfWizardPageClass
{
  AdwBinClass parent_class;

  /* FALSE for a page that checks nothing itself, such as the summary: the
   * step list then shows no status for it. */
  gboolean has_status;

  /* Called once the page has a new session (never NULL) to read it. */
  void (*session_changed) (PfWizardPage *self,
                           PfSession    *session);
  /* Called when the page becomes the visible step, and when it stops being. */
  void (*shown)           (PfWizardPage *self);
  void (*left)            (PfWizardPage *self);

  gpointer padding[8];
};

const char   *pf_wizard_page_get_title      (PfWizardPage *self);
void          pf_wizard_page_set_title      (PfWizardPage *self,
                                             const char   *title);
gboolean      pf_wizard_page_get_complete   (PfWizardPage *self);
void          pf_wizard_page_set_complete   (PfWizardPage *self,
                                             gboolean      complete);
PfStepStatus  pf_wizard_page_get_status     (PfWizardPage *self);
gboolean      pf_wizard_page_has_status     (PfWizardPage *self);
PfStep        pf_wizard_page_get_step       (PfWizardPage *self);
PfSession    *pf_wizard_page_get_session    (PfWizardPage *self);
void          pf_wizard_page_set_session    (PfWizardPage *self,
                                             PfSession    *session);

void          pf_wizard_page_shown          (PfWizardPage *self);
void          pf_wizard_page_left           (PfWizardPage *self);

void          pf_wizard_page_report         (PfWizardPage *self,
                                             PfFinding    *finding);
void          pf_wizard_page_report_findings (PfWizardPage *self,
                                              GPtrArray    *findings);
void          pf_wizard_page_clear_findings (PfWizardPage *self);

G_END_DECLS
