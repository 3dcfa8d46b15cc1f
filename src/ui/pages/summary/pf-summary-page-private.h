/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the summary page (pf-summary-page.c) and its export
 * (pf-summary-page-export.c). Not for use outside the page. */
#pragma once

#include "pf-summary-page.h"
#include "pf-summary-step.h"

G_BEGIN_DECLS

struct _PfSummaryPage
{
  PfWizardPage     parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkImage        *overall_image;
  GtkLabel        *headline_label;
  GtkLabel        *counts_label;
  GtkLabel        *advice_label;
  GtkWidget       *sections[PF_N_SUMMARY_GROUPS];
  GtkWidget       *boxes[PF_N_SUMMARY_GROUPS];
  GtkWidget       *verified_group;
  GtkCheckButton  *waited_check;
  GtkCheckButton  *connection_check;
  GtkCheckButton  *phone_app_check;
  GtkTextView     *ticket_view;
  GtkWidget       *copy_button;
  GtkCheckButton  *include_check;
  GtkWidget       *export_button;
  GtkWidget       *export_spinner;

  /* Owned references */
  GtkFileChooserNative *chooser;
  GCancellable    *cancellable;
};

void  pf_summary_page_show_toast (PfSummaryPage *self,
                                  const char    *title,
                                  const char    *button_label,
                                  const char    *action_name);

/* pf-summary-page-export.c */
void  pf_summary_page_export_cb  (GtkWidget     *widget,
                                  const char    *action_name,
                                  GVariant      *parameter);

G_END_DECLS
